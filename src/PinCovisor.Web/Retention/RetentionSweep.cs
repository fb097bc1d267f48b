using PhoneBridge.Redis;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PinCovisor.Web.Retention;

/// <summary>
/// Every <see cref="RetentionOptions.SweepInterval"/> (and once at start), removes what is older than
/// its class's days: call records, then sessions' transcripts, media and the sessions themselves,
/// then each registered <see cref="IRetainedData"/>. A lease in Redis (SET NX PX, released when done)
/// keeps two hosts from sweeping at once; a host that finds it taken skips its turn.
/// </summary>
internal sealed class RetentionSweep(
    IConnectionMultiplexer redis,
    RetentionPurge purge,
    IEnumerable<IRetainedData> extra,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionSweep> logger) : BackgroundService
{
    // Deletes the lease only while it is still this host's: one key, so one slot.
    private static readonly EmbeddedScript Release = EmbeddedScript.Load(typeof(RetentionSweep), "release");

    private static readonly string[] Classes = [RetainedClass.CallRecords, .. CustomerIndex.SessionClasses];

    private readonly string _holder = RandomNumberGenerator.GetHexString(16, lowercase: true);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>One sweep; null when another host holds the lease, else how many items each class lost.</summary>
    public async Task<IReadOnlyDictionary<string, long>?> SweepOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!await Db.StringSetAsync(RetentionKeys.SweepLease, _holder, settings.SweepInterval, When.NotExists)
                .WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            var now = time.GetUtcNow();
            var removed = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var dataClass in Classes)
            {
                var days = settings.DaysOf(dataClass);
                if (days == 0)
                {
                    // A class kept by its lifetimes alone keeps no time index.
                    await Db.KeyDeleteAsync(RetentionKeys.Aged(dataClass)).WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                removed[dataClass] = await purge.PurgeAsync(dataClass, now.AddDays(-days), settings.SweepBatch, cancellationToken).ConfigureAwait(false);
            }

            foreach (var data in extra.Where(d => settings.DaysOf(d.DataClass) > 0))
            {
                var days = settings.DaysOf(data.DataClass);
                removed[data.DataClass] = removed.GetValueOrDefault(data.DataClass)
                    + await data.PurgeOlderThanAsync(now.AddDays(-days), settings.SweepBatch, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (dataClass, count) in removed.Where(r => r.Value > 0))
            {
                RetentionLog.Swept(logger, dataClass, count, settings.DaysOf(dataClass));
            }

            RetentionLog.SweepDone(logger, removed.Values.Sum());
            return removed;
        }
        finally
        {
            await Release.RunAsync(Db, [RetentionKeys.SweepLease], [_holder], CancellationToken.None).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Sweep)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever failed, the next round tries again: a sweep must never stop the host.
                RetentionLog.SweepFailed(logger, e, options.Value.SweepInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
