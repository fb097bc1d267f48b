using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Garnet;
using Garnet.server.Auth.Settings;

namespace PinCovisor.Web.Redis;

/// <summary>
/// A Redis-compatible server (Microsoft Garnet) running inside this process on a loopback port,
/// so the product runs with nothing installed: one host. Given a data directory it keeps an
/// append-only file there, checkpoints every minute, and recovers both on the next start, so a
/// restart keeps agents, sessions, history and PINs; without one it holds state in memory only.
/// Several hosts point <c>ConnectionStrings:Redis</c> at a real Redis instead.
/// Every start draws a new password that only this process knows: any local user can reach a
/// loopback port, and whoever reads or writes the store can forge sessions, tokens and cookies.
/// </summary>
public sealed class EmbeddedGarnet : IDisposable
{
    private const string LockFileName = "garnet.lock";
    private const string CheckpointSeconds = "60";

    private readonly GarnetServer _server;
    private readonly string _password;
    private readonly FileStream? _lock;

    private EmbeddedGarnet(GarnetServer server, int port, string password, string? dataDirectory, FileStream? directoryLock)
    {
        _server = server;
        Port = port;
        _password = password;
        DataDirectory = dataDirectory;
        _lock = directoryLock;
    }

    /// <summary>Where the server keeps its append-only file and checkpoints; null when it keeps nothing on disk.</summary>
    public string? DataDirectory { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>
    /// A StackExchange.Redis connection string for this server, with its password: a secret, never
    /// to be logged.
    /// </summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={_password},abortConnect=false";

    /// <summary>
    /// Starts a server on a free loopback port (or on <paramref name="port"/> when non-zero), keeping
    /// its data in <paramref name="dataDirectory"/> (created if missing; recovered if it holds
    /// earlier data) or, when null, in memory only.
    /// </summary>
    /// <exception cref="IOException">Another process uses the data directory.</exception>
    public static EmbeddedGarnet Start(int port = 0, string? dataDirectory = null)
    {
        var directoryLock = dataDirectory is null ? null : Lock(dataDirectory);
        // Garnet cannot report the port it bound for port 0, so a free one is chosen first; a
        // concurrent process could take it in between, hence the few retries.
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port != 0 ? port : FreeLoopbackPort();
            // Hex: nothing in it that a connection string would read as a separator.
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            GarnetServer? server = null;
            try
            {
                server = new GarnetServer(Arguments(chosen, dataDirectory), authenticationSettingsOverride: new PasswordAuthenticationSettings(password));
                server.Start();
                return new EmbeddedGarnet(server, chosen, password, dataDirectory, directoryLock);
            }
            catch (Exception) when (port == 0 && attempt < 3)
            {
                server?.Dispose();
            }
            catch (Exception)
            {
                server?.Dispose();
                directoryLock?.Dispose();
                throw;
            }
        }
    }

    private static string[] Arguments(int port, string? dataDirectory)
    {
        string[] memory =
        [
            "--bind", "127.0.0.1",
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lua", "true",
            "--memory", "256m",
            "--index", "16m",
            "-q",
        ];
        // Every write goes to the append-only file as it is made; a checkpoint a minute bounds the
        // file and the replay at the next start.
        return dataDirectory is null
            ? memory
            : [.. memory, "--aof", "--recover", "--checkpointdir", dataDirectory, "--device-type", "RandomAccess", "--checkpoint-freq", CheckpointSeconds];
    }

    // Two servers on one directory would interleave their files: the second refuses to start.
    private static FileStream Lock(string dataDirectory)
    {
        // It holds every secret the store holds: the host's user alone reads it.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            return new FileStream(Path.Combine(dataDirectory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException(
                $"The embedded store's data directory {dataDirectory} is in use by another process. Give each host its own Redis:EmbeddedDataDir, " +
                "or point ConnectionStrings:Redis at a real Redis for several hosts.", e);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _server.Dispose();
        _lock?.Dispose();
    }
}
