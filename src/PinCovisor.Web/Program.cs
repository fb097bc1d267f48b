using PinCovisor.Web.Health;
using PinCovisor.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHosting();
builder.AddRedis();
builder.AddPhoneBridge();
builder.AddCovisor();
builder.AddPages();

var app = builder.Build();
app.UseHosting();
app.UsePages();
app.MapHealth();
app.MapPhoneBridge();
app.MapCovisor();
app.MapPages();
app.Run();

/// <summary>The web host's entry point; public so tests can start it on Kestrel.</summary>
public partial class Program;
