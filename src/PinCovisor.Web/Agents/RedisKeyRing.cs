using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Agents;

/// <summary>
/// Keeps ASP.NET Core's Data Protection keys in Redis (list <c>pb:dataprotection:keys</c>), so an
/// agent's console cookie written by one host can be read by every other: by default each host
/// would keep its own keys on its own disk. The keys are stored as ASP.NET Core writes them (not
/// encrypted at rest), like Redis's other secrets here: protect Redis accordingly.
/// </summary>
internal sealed class RedisKeyRing(IConnectionMultiplexer redis) : IXmlRepository, IConfigureOptions<KeyManagementOptions>
{
    /// <summary>Where the key ring lives.</summary>
    public static readonly RedisKey Key = CovisorKeys.Global("dataprotection", "keys");

    // Data Protection asks synchronously; it caches the ring and reads it again only about daily.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        redis.GetDatabase().ListRange(Key).Select(value => XElement.Parse(value.ToString())).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        redis.GetDatabase().ListRightPush(Key, element.ToString(SaveOptions.DisableFormatting));
    }

    public void Configure(KeyManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.XmlRepository = this;
    }
}
