using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sosei.Application.Councils;
using Sosei.Application.DemoData;
using Sosei.Application.Evaluation;
using Sosei.Application.ImportJobs;
using Sosei.Application.Kpis;
using Sosei.Application.PlanFiles;
using Sosei.Application.Plans;
using Sosei.Application.Population;
using Sosei.Application.Projects;
using Sosei.Application.Reports;
using Sosei.Application.Security;
using Sosei.Application.Workbooks;
namespace Sosei.Application.Setup;

/// <summary>Registers the application services used by the web app and the CLI.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds Sosei's application services (scoped, over <see cref="Persistence.SoseiDbContext"/>).</summary>
    public static IServiceCollection AddSoseiApplication(this IServiceCollection services)
    {
        services.AddScoped<PlanCatalog>();
        services.AddScoped<AdminAccount>();
        services.AddScoped<PlanFileImporter>();
        services.AddScoped<PlanFileExporter>();
        services.AddScoped<DemoDataLoader>();
        services.AddScoped<PlanEvaluator>();
        services.AddScoped<PlanSettingsEditor>();
        services.AddScoped<GradingRulesPreview>();
        services.AddScoped<PlanStructureEditor>();
        services.AddScoped<KpiEditor>();
        services.AddScoped<KpiValuesEditor>();
        services.AddScoped<GradeOverrideEditor>();
        services.AddScoped<ProjectEditor>();
        services.AddScoped<RelistingEditor>();
        services.AddScoped<ItemDeleter>();
        services.AddScoped<PopulationTargetEditor>();
        services.AddScoped<ProjectSearch>();
        services.AddScoped<PopulationCsvImporter>();
        services.AddScoped<PopulationDemoLoader>();
        services.AddScoped<PopulationService>();
        services.AddScoped<WorkbookImporter>();
        services.AddScoped<WorkbookExporter>();
        services.AddScoped<ProjectListReportBuilder>();
        services.TryAddSingleton(new PdfOptions());
        services.AddSingleton<PdfPrinter>();
        services.AddScoped<ReportService>();
        services.AddScoped<DownloadCatalog>();
        services.AddScoped<CouncilDirectory>();
        services.TryAddSingleton(new ImportJobOptions());
        services.TryAddSingleton(new FileLimits());
        services.AddSingleton<ImportJobSignal>();
        services.AddScoped<ImportJobService>();
        services.AddSingleton<ImportJobRunner>();
        return services;
    }
}
