using Sosei.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddSosei();

var app = builder.Build();
app.UseSosei();
await app.InitializeSoseiAsync();
await app.RunAsync();

/// <summary>Entry point; public so the test host can find it.</summary>
public partial class Program;
