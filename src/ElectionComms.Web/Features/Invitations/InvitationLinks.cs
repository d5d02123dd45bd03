using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Features.Invitations;

public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>The portal's public address as members reach it (https://…); empty: the address of the request.</summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    public int DefaultValidityDays { get; set; } = 30;

    /// <summary>Requests to the public page per client address per minute (a training room shares one address).</summary>
    public int PerClientPerMinute { get; set; } = 120;

    /// <summary>Requests to one code per minute, whoever sends them: limits guessing phone numbers against a code.</summary>
    public int PerCodePerMinute { get; set; } = 30;
}

/// <summary>The public address of an invitation: {base}/ftese/{code}.</summary>
public sealed class InvitationLinks(IOptions<InvitationOptions> options, IHttpContextAccessor http)
{
    public const string PathPrefix = "/ftese/";

    public string For(string code) => BaseUrl() + PathPrefix + code;

    public string BaseUrl()
    {
        var configured = options.Value.PublicBaseUrl.TrimEnd('/');
        if (configured.Length > 0)
        {
            return configured;
        }

        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Invitations:PublicBaseUrl is not set and there is no request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
