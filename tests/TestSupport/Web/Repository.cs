namespace PhoneBridge.Testing.Web;

/// <summary>The checkout the tests run from, for the files they read as shipped (docs, configs, scripts).</summary>
public static class Repository
{
    /// <summary>The folder holding <c>PhoneBridge.sln</c>, found above the test's own.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path inside the checkout, e.g. <c>Path("docs", "whatsapp.md")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PhoneBridge.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PhoneBridge.sln not found above " + AppContext.BaseDirectory);
    }
}
