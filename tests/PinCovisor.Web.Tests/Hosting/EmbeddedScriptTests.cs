using System.Reflection;
using PhoneBridge.Redis;

namespace PinCovisor.Web.Tests.Hosting;

/// <summary>Every Lua script a store declares is embedded where its loader looks, and every embedded script is declared.</summary>
public sealed class EmbeddedScriptTests
{
    private const BindingFlags Statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    public static TheoryData<string> Assemblies => [typeof(Program).Assembly.GetName().Name!, typeof(EmbeddedScript).Assembly.GetName().Name!];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void EveryDeclaredScriptLoadsAndEveryEmbeddedOneIsDeclared(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var fields = assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(Statics))
            .Where(f => f.FieldType == typeof(EmbeddedScript))
            .ToList();

        // Reading a field runs its class's initialiser, which throws when a resource is missing.
        var loaded = fields.Select(f => f.GetValue(null)).ToList();

        loaded.Should().NotContainNulls().And.HaveCountGreaterThan(3);
        assembly.GetManifestResourceNames().Count(n => n.EndsWith(".lua", StringComparison.Ordinal))
            .Should().Be(fields.Count, "each embedded .lua file is loaded by exactly one field");
    }
}
