using System.Net;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Setup;

/// <summary>
/// What lets several portal processes serve one PostgreSQL behind a reverse proxy (docs/deployment.md, issue 13
/// item 13): one Data Protection key ring in the database, the read-model cache dropped on every other instance's
/// commit, and the client's address taken from X-Forwarded-For only when the request came from a configured proxy.
/// </summary>
internal static class InstancesSetup
{
    public const string Section = "Network";

    public static IServiceCollection AddSeveralInstances(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDbContext<KeyRingContext>(options => options.UseNpgsql(configuration.GetConnectionString("Default")));

        // One application name on every machine: by default it is derived from the content root path, and
        // processes installed in different folders would not read each other's cookies.
        services.AddDataProtection().SetApplicationName("ElectionComms").PersistKeysToDbContext<KeyRingContext>();
        services.AddHostedService<ReadModelSignal>();
        services.Configure<ForwardedHeadersOptions>(options => Configure(options, configuration.GetSection(Section)));
        return services;
    }

    /// <summary>
    /// Trusts no proxy unless configured (the framework's default trusts loopback, which would let a process on the
    /// same machine choose its own address, and empty lists would trust everyone): <c>Network:KnownProxies</c> (addresses) and <c>Network:KnownNetworks</c>
    /// (CIDR), and as many forwarded hops as <c>Network:ForwardLimit</c> (default 1).
    /// </summary>
    internal static void Configure(ForwardedHeadersOptions options, IConfigurationSection network)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.ForwardLimit = network.GetValue("ForwardLimit", 1);
        foreach (var proxy in network.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Network:KnownProxies: \"{proxy}\" is not an IP address."));
        }

        foreach (var cidr in network.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(cidr, out var range)
                ? range
                : throw new InvalidOperationException($"Network:KnownNetworks: \"{cidr}\" is not a network in CIDR form (10.0.0.0/8)."));
        }

        // With both lists empty the middleware would trust every sender; with no proxy configured it reads nothing.
        options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count > 0
            ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            : ForwardedHeaders.None;
    }
}
