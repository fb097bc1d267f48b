using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Auth;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Auth;

[Collection(RedisCollection.Name)]
public sealed class AccessTokenTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(TestClock.RandomInstantAhead());

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnIssuedTokenValidatesToItsGrantAndRedisNeverHoldsTheToken(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        var tokens = new RedisAccessTokens(redis, new NoRevocationNotifier(), _clock);
        var session = NewId("s_");
        var grant = new AccessGrant(AccessKind.Customer, NewId("p_"), session, _clock.GetUtcNow().AddHours(1));

        var token = await tokens.IssueAsync(grant).WaitAsync(Timeout);
        var validated = await tokens.ValidateAsync(token).WaitAsync(Timeout);

        validated!.Value.Grant.Should().Be(grant with { ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(grant.ExpiresAt.ToUnixTimeMilliseconds()) });
        token.Should().StartWith("pbt_").And.HaveLength(4 + 43, "256 random bits in unpadded base64url");
        var secret = token[4..];
        foreach (var key in await RedisScan.KeysAsync(redis, "pb:*"))
        {
            key.ToString().Should().NotContain(secret);
            if (await redis.GetDatabase().KeyTypeAsync(key).WaitAsync(Timeout) == RedisType.Hash)
            {
                var values = await redis.GetDatabase().HashGetAllAsync(key).WaitAsync(Timeout);
                values.Should().NotContain(v => v.Value.ToString().Contains(secret, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ATokenIsRefusedFromTheInstantItExpires(RedisServerKind kind)
    {
        var tokens = new RedisAccessTokens(await servers.ConnectAsync(kind), new NoRevocationNotifier(), _clock);
        var token = await tokens.IssueAsync(new AccessGrant(AccessKind.Agent, "ana", null, _clock.GetUtcNow().AddMinutes(30))).WaitAsync(Timeout);

        _clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        (await tokens.ValidateAsync(token).WaitAsync(Timeout)).Should().NotBeNull();
        var id = (await tokens.ValidateAsync(token).WaitAsync(Timeout))!.Value.TokenId;
        (await tokens.AreLiveAsync([id]).WaitAsync(Timeout)).Should().Equal(true);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await tokens.ValidateAsync(token).WaitAsync(Timeout)).Should().BeNull();
        (await tokens.AreLiveAsync([id]).WaitAsync(Timeout)).Should().Equal(false);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task RevokingASessionCutsOffEveryCustomerTokenOfItButNoOthers(RedisServerKind kind)
    {
        var tokens = new RedisAccessTokens(await servers.ConnectAsync(kind), new NoRevocationNotifier(), _clock);
        var session = NewId("s_");
        var other = NewId("s_");
        var expires = _clock.GetUtcNow().AddHours(1);
        var phone = await tokens.IssueAsync(new AccessGrant(AccessKind.Customer, NewId("p_"), session, expires)).WaitAsync(Timeout);
        var desktop = await tokens.IssueAsync(new AccessGrant(AccessKind.Customer, NewId("p_"), session, expires.AddHours(1))).WaitAsync(Timeout);
        var stranger = await tokens.IssueAsync(new AccessGrant(AccessKind.Customer, NewId("p_"), other, expires)).WaitAsync(Timeout);
        var agent = await tokens.IssueAsync(new AccessGrant(AccessKind.Agent, "ana", null, expires)).WaitAsync(Timeout);
        var ids = new List<string>();
        foreach (var token in new[] { phone, desktop, stranger, agent })
        {
            ids.Add((await tokens.ValidateAsync(token).WaitAsync(Timeout))!.Value.TokenId);
        }

        await tokens.RevokeSessionAsync(session).WaitAsync(Timeout);

        (await tokens.ValidateAsync(phone).WaitAsync(Timeout)).Should().BeNull();
        (await tokens.ValidateAsync(desktop).WaitAsync(Timeout)).Should().BeNull();
        (await tokens.ValidateAsync(stranger).WaitAsync(Timeout)).Should().NotBeNull();
        (await tokens.ValidateAsync(agent).WaitAsync(Timeout)).Should().NotBeNull();
        (await tokens.AreLiveAsync([.. ids, "0123abcd"]).WaitAsync(Timeout)).Should().Equal(false, false, true, true, false);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARevokedTokenAndForgedOrMalformedTokensAreRefused(RedisServerKind kind)
    {
        var tokens = new RedisAccessTokens(await servers.ConnectAsync(kind), new NoRevocationNotifier(), _clock);
        var token = await tokens.IssueAsync(new AccessGrant(AccessKind.Agent, "ana", null, _clock.GetUtcNow().AddHours(1))).WaitAsync(Timeout);
        var id = (await tokens.ValidateAsync(token).WaitAsync(Timeout))!.Value.TokenId;

        await tokens.RevokeAsync(id).WaitAsync(Timeout);

        (await tokens.ValidateAsync(token).WaitAsync(Timeout)).Should().BeNull();
        foreach (var forged in new[] { "", "pbt_", "pbt_" + new string('A', 43), token[4..], "Bearer " + token, "pbt_" + new string('x', 200) })
        {
            (await tokens.ValidateAsync(forged).WaitAsync(Timeout)).Should().BeNull();
        }
    }

    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N");
}
