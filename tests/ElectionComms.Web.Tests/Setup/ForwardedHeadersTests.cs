using System.Net;
using ElectionComms.Web.Setup;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace ElectionComms.Web.Tests.Setup;

/// <summary>The portal on Kestrel (a real loopback connection), with the public page's client limit at 3 a minute.</summary>
public class RateLimitedPortal(string suffix, string? knownProxy) : PortalFactory(suffix, kestrel: true)
{
    public const int PerClient = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Invitations:PerClientPerMinute", PerClient.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Invitations:PerCodePerMinute", "1000");
        if (knownProxy is not null)
        {
            builder.UseSetting("Network:KnownProxies:0", knownProxy);
        }
    }

    /// <summary>A request to the public invitation page as if forwarded for <paramref name="client"/>.</summary>
    public async Task<HttpStatusCode> AskAsForwardedAsync(HttpClient http, string client, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ServerAddress, "/ftese/CODE" + n.ToString("0000000000000000000", System.Globalization.CultureInfo.InvariantCulture)));
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}

/// <summary>Behind the configured reverse proxy on 127.0.0.1.</summary>
public sealed class ProxiedPortal() : RateLimitedPortal("proxied", "127.0.0.1");

/// <summary>No proxy configured: the framework's default would trust loopback; the portal trusts nobody.</summary>
public sealed class UnproxiedPortal() : RateLimitedPortal("unproxied", null);

/// <summary>Issue 13 item 13: the public page's rate limit keys on the real client behind a known proxy, and on the connection otherwise.</summary>
public sealed class ForwardedHeadersTests : IClassFixture<ProxiedPortal>, IClassFixture<UnproxiedPortal>
{
    private readonly ProxiedPortal proxied;
    private readonly UnproxiedPortal unproxied;

    public ForwardedHeadersTests(ProxiedPortal proxied, UnproxiedPortal unproxied)
    {
        this.proxied = proxied;
        this.unproxied = unproxied;
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit()
    {
        await proxied.ResetAsync();
        using var http = new HttpClient();
        for (var n = 0; n < RateLimitedPortal.PerClient; n++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await proxied.AskAsForwardedAsync(http, "203.0.113.5", n));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await proxied.AskAsForwardedAsync(http, "203.0.113.5", 99));
        Assert.Equal(HttpStatusCode.NotFound, await proxied.AskAsForwardedAsync(http, "203.0.113.6", 98));
    }

    [Fact]
    public async Task From_anyone_else_the_forwarded_header_is_ignored()
    {
        await unproxied.ResetAsync();
        using var http = new HttpClient();
        for (var n = 0; n < RateLimitedPortal.PerClient; n++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await unproxied.AskAsForwardedAsync(http, "203.0.113." + (10 + n), n));
        }

        // A fresh forged address does not buy a fresh window: the limit is the connection's.
        Assert.Equal(HttpStatusCode.TooManyRequests, await unproxied.AskAsForwardedAsync(http, "198.51.100.77", 97));
    }

    [Theory]
    [InlineData("KnownProxies:0", "proxy.example.org", "is not an IP address")]
    [InlineData("KnownNetworks:0", "10.0.0.0/33", "is not a network in CIDR form")]
    public void A_misconfigured_proxy_stops_the_start_with_the_setting_named(string key, string value, string message)
    {
        var network = new ConfigurationBuilder().AddInMemoryCollection([new("Network:" + key, value)]).Build().GetSection("Network");

        var refused = Assert.Throws<InvalidOperationException>(() => InstancesSetup.Configure(new ForwardedHeadersOptions(), network));

        Assert.Contains("Network:" + key.Split(':')[0], refused.Message, StringComparison.Ordinal);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }
}
