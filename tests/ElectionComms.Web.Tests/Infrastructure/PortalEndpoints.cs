using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Infrastructure;

/// <summary>
/// Every endpoint and every page handler the app maps, found the way ASP.NET Core finds them (the endpoint data source
/// and the compiled page descriptors), so the security and robustness tests cover a new page or handler the day it
/// appears instead of a list someone must remember to extend.
/// </summary>
public static partial class PortalEndpoints
{
    private static readonly string[] DefaultMethods = [HttpMethods.Get, HttpMethods.Post];

    /// <summary>Every route endpoint, de-duplicated by address, with a requestable address for it.</summary>
    public static List<MappedEndpoint> RouteEndpoints(IServiceProvider services, IReadOnlyDictionary<string, string>? samples = null)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new MappedEndpoint(
                Normalise(e.RoutePattern),
                SampleUrl(e.RoutePattern, samples ?? new Dictionary<string, string>()),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() is { Length: > 0 } methods ? methods : DefaultMethods))
            .GroupBy(e => e.SampleUrl, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Every handler of every Razor Page (OnGet, OnPostComment, …), once per page, on the page's shortest route, with
    /// the values it binds from the request: bound properties (for GET only those with SupportsGet) and handler
    /// parameters that are not route values, complex types expanded to their fields.
    /// </summary>
    public static async Task<List<PageHandler>> PageHandlersAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var pages = source.Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null)
            .GroupBy(e => e.Page!.ViewEnginePath, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.Endpoint.RoutePattern.RawText?.Length ?? 0).First());

        var handlers = new List<PageHandler>();
        foreach (var (endpoint, page) in pages)
        {
            var compiled = await loader.LoadAsync(page!, endpoint.Metadata);
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var handler in compiled.HandlerMethods)
            {
                var method = handler.HttpMethod.ToUpperInvariant();
                var fields = new List<BoundField>();
                foreach (var property in compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>())
                {
                    if (method == HttpMethods.Get && !SupportsGet(property.Property, compiled.HandlerTypeInfo))
                    {
                        continue;
                    }

                    fields.AddRange(Leaves(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, 0));
                }

                foreach (var parameter in handler.Parameters)
                {
                    if (routeNames.Contains(parameter.Name) || parameter.ParameterType == typeof(CancellationToken)
                        || parameter.BindingInfo?.BindingSource == BindingSource.Services)
                    {
                        continue;
                    }

                    // A complex handler parameter binds its fields without a prefix when the request has none.
                    fields.AddRange(IsSimple(parameter.ParameterType)
                        ? Leaves(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, 0)
                        : Leaves(null, parameter.ParameterType, 0));
                }

                handlers.Add(new PageHandler(page!.ViewEnginePath, Normalise(endpoint.RoutePattern), endpoint.RoutePattern, method, handler.Name, fields));
            }
        }

        return handlers.OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>"Error/{code:int?}" becomes "/Error/{code}", the form the allow-lists use.</summary>
    public static string Normalise(RoutePattern pattern) =>
        "/" + ParameterPattern().Replace(pattern.RawText?.TrimStart('/') ?? string.Empty, "{$1}");

    /// <summary>The pattern's address with the given route values, and a sample value for any other parameter.</summary>
    public static string SampleUrl(RoutePattern pattern, IReadOnlyDictionary<string, string> samples)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => samples.GetValueOrDefault(parameter.Name) ?? SampleValue(parameter),
                    _ => throw new InvalidOperationException("Unknown route part " + part),
                });
            }
        }

        return url.Length == 0 ? "/" : url.ToString();
    }

    /// <summary>A value the parameter's constraints accept, so the request reaches authorization and not a 404.</summary>
    public static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? string.Empty).ToList();
        return constraints.FirstOrDefault() switch
        {
            "int" or "long" or "decimal" or "double" or "float" => "1",
            "guid" => "4b2f7a10-0000-4c6e-9a53-253000000000",
            "bool" => "true",
            "datetime" => "2027-05-16",
            _ => "sample",
        };
    }

    /// <summary>A value a form field of this type accepts, for requests that should look like a user's.</summary>
    public static string PlausibleValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(bool) => "true",
            _ when t == typeof(Guid) => "4b2f7a10-0000-4c6e-9a53-253000000000",
            _ when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when t.IsEnum => Enum.GetNames(t)[0],
            _ when t == typeof(string) => "Kontroll i auditorit",
            _ when t.IsPrimitive || t == typeof(decimal) => "1",
            _ => string.Empty,
        };
    }

    private static bool SupportsGet(PropertyInfo property, TypeInfo handlerType) =>
        property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet
        ?? handlerType.GetCustomAttribute<BindPropertiesAttribute>()?.SupportsGet
        ?? false;

    private static IEnumerable<BoundField> Leaves(string? prefix, Type type, int depth)
    {
        var element = ElementType(type);
        if (IsSimple(element))
        {
            return prefix is null ? [] : [new BoundField(prefix, element)];
        }

        if (element == typeof(IFormFile) || element == typeof(IFormFileCollection) || depth > 3)
        {
            return [];
        }

        return element.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<BindNeverAttribute>() is null)
            .SelectMany(p => Leaves(prefix is null ? p.Name : prefix + "." + p.Name, p.PropertyType, depth + 1));
    }

    private static Type ElementType(Type type)
    {
        if (type != typeof(string) && type.IsArray)
        {
            return type.GetElementType()!;
        }

        return type.IsGenericType && type != typeof(string) && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            && Nullable.GetUnderlyingType(type) is null
            ? type.GetGenericArguments()[0]
            : type;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
            || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly);
    }

    [GeneratedRegex(@"\{\**([^:=?}]+)[^}]*\}")]
    private static partial Regex ParameterPattern();
}

public sealed record MappedEndpoint(string Pattern, string SampleUrl, IReadOnlyList<string> Methods);

/// <summary>A value the handler binds from the query string or the form: its key and its type (an element type for lists).</summary>
public sealed record BoundField(string Name, Type Type);

/// <summary>One page handler: the page, its route, the HTTP method, the handler name (null for OnGet/OnPost) and its fields.</summary>
public sealed record PageHandler(string Page, string Pattern, RoutePattern Route, string Method, string? Name, IReadOnlyList<BoundField> Fields)
{
    /// <summary>"POST /Messages/Details?handler=Comment": the form the expectation tables use.</summary>
    public string Key => Name is null ? $"{Method} {Page}" : $"{Method} {Page}?handler={Name}";

    public string Url(IReadOnlyDictionary<string, string> routeValues, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (Name is not null)
        {
            pairs.Add(new("handler", Name));
        }

        pairs.AddRange(query ?? []);
        var path = PortalEndpoints.SampleUrl(Route, routeValues);
        return pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }
}
