namespace PinCovisor.EndToEnd.Browser;

/// <summary>The checkout this test runs from: the folder that holds <c>PhoneBridge.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "PhoneBridge.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PhoneBridge.sln above {AppContext.BaseDirectory}.");
    }
}
