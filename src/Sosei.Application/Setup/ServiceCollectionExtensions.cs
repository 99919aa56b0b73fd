using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.DemoData;
using Sosei.Application.Evaluation;
using Sosei.Application.PlanFiles;
using Sosei.Application.Plans;
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
        services.AddScoped<WorkbookImporter>();
        services.AddScoped<WorkbookExporter>();
        services.AddScoped<ReportBuilder>();
        services.AddScoped<ReportService>();
        services.AddScoped<DownloadCatalog>();
        return services;
    }
}
