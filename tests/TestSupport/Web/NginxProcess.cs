using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace PhoneBridge.Testing.Web;

/// <summary>
/// Debian's nginx on a loopback port, running the deployment's own configuration
/// (<c>docs/deploy/nginx.conf</c>) with only its addresses, port and certificate replaced: TLS with a
/// self-signed certificate made here, in front of the given hosts. It connects to them from
/// <see cref="UpstreamAddress"/>, so a host can trust it as a proxy and still tell a request that
/// came straight from a test (from 127.0.0.1) apart. Each response names the host that answered
/// (<c>X-Upstream</c>), which only the tests add.
/// </summary>
public sealed partial class NginxProcess : IDisposable
{
    /// <summary>The loopback address nginx connects to the hosts from (Linux routes all of 127/8 to loopback).</summary>
    public const string UpstreamAddress = "127.0.0.2";

    private const string Binary = "/usr/sbin/nginx";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly string _directory;

    private NginxProcess(Process process, string directory, int port, X509Certificate2 certificate)
    {
        _process = process;
        _directory = directory;
        BaseAddress = new Uri($"https://127.0.0.1:{port}/");
        Certificate = certificate;
    }

    /// <summary>The public address, e.g. <c>https://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The certificate nginx presents, the only one <see cref="CreateClient"/> trusts.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Starts nginx in front of <paramref name="hosts"/> (their base addresses), in that order.</summary>
    public static NginxProcess Start(IReadOnlyList<Uri> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's nginx (./test.sh does).");
        }

        var directory = Directory.CreateTempSubdirectory("nginx-").FullName;
        var certificate = WriteCertificate(directory);
        var port = LoopbackPorts.Unused();
        File.WriteAllText(Path.Combine(directory, "phonebridge.conf"), Site(hosts, port, directory));
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), Main(directory));
        var process = Process.Start(new ProcessStartInfo(Binary)
        {
            ArgumentList = { "-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log"), "-g", "daemon off;" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var started = new NginxProcess(process, directory, port, certificate);
        try
        {
            started.WaitUntilListening(port);
            return started;
        }
        catch
        {
            started.Dispose();
            throw;
        }
    }

    /// <summary>An HttpClient on the public address that trusts this nginx's certificate and no other.</summary>
    public HttpClient CreateClient()
    {
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => IsOurs(presented) };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Whether <paramref name="presented"/> is this nginx's certificate.</summary>
    public bool IsOurs(X509Certificate? presented) =>
        presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == Certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>The host (<c>127.0.0.1:port</c>) that answered a response through this nginx.</summary>
    public static string AnsweredBy(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("X-Upstream", out var values)
            ? values.Last().Split(',').Last().Trim()
            : throw new InvalidOperationException("The response did not come through nginx.");
    }

    /// <summary>What nginx wrote to its error log.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_directory, "error.log")) ? File.ReadAllText(Path.Combine(_directory, "error.log")) : "";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            Certificate.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void WaitUntilListening(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()} {ErrorLog}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartTimeout)
            {
                Thread.Sleep(50);
            }
        }
    }

    // The deployment's file with this run's hosts, port and certificate; the test-only lines go at
    // the top of its location block. A replacement that finds nothing fails: the file and this code
    // must not drift apart silently.
    private static string Site(IReadOnlyList<Uri> hosts, int port, string directory)
    {
        var site = File.ReadAllText(Repository.Path("docs", "deploy", "nginx.conf"));
        var upstreams = UpstreamServer().Matches(site);
        if (upstreams.Count != hosts.Count)
        {
            throw new InvalidOperationException($"docs/deploy/nginx.conf names {upstreams.Count} upstream servers; the test starts {hosts.Count} hosts.");
        }

        var next = 0;
        site = UpstreamServer().Replace(site, _ => $"server 127.0.0.1:{hosts[next++].Port}");
        site = Replace(site, "listen 443 ssl;", $"listen 127.0.0.1:{port} ssl;");
        site = Replace(site, "/etc/ssl/phonebridge/fullchain.pem", Path.Combine(directory, "cert.pem"));
        site = Replace(site, "/etc/ssl/phonebridge/privkey.pem", Path.Combine(directory, "key.pem"));
        return Replace(site, "location / {", $"location / {{\n        proxy_bind {UpstreamAddress};\n        add_header X-Upstream $upstream_addr always;");
    }

    private static string Main(string directory)
    {
        // As root, the workers would otherwise run as nobody and could not use this private directory.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        return $$"""
            {{user}}worker_processes 1;
            pid {{directory}}/nginx.pid;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/phonebridge.conf;
            }
            """;
    }

    private static string Replace(string text, string find, string replacement) =>
        text.Contains(find, StringComparison.Ordinal)
            ? text.Replace(find, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"docs/deploy/nginx.conf no longer contains \"{find}\".");

    private static X509Certificate2 WriteCertificate(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    [GeneratedRegex(@"server 10\.0\.0\.\d+:5080")]
    private static partial Regex UpstreamServer();
}
