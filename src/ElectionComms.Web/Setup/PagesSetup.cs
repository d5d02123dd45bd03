using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace ElectionComms.Web.Setup;

internal static class PagesSetup
{
    public static IServiceCollection AddPortalPages(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // One folder per feature (ADR 0023): Features/<Name>/ holds the feature's pages and the code only it uses.
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AddPortalConventions();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Strings)));
        // A value that cannot be read as its type (a date typed by hand, a page number edited in the link) is explained in
        // the user's language, like every other validation message, instead of ASP.NET Core's English default.
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var strings = factory.Create(typeof(Strings));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => strings["Validation.ValueInvalid", value, field]);
            messages.SetUnknownValueIsInvalidAccessor(field => strings["Validation.ValueUnknown", field]);
            messages.SetValueMustBeANumberAccessor(field => strings["Validation.ValueNotNumber", field]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => strings["Validation.ValueInvalidNoField", value]);
        });
        // Albanian letters (ë, ç) and typographic quotes stay readable in the HTML instead of &#xEB; escapes.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings =
            new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA, UnicodeRanges.GeneralPunctuation));
        services.AddScoped<DomainErrors>();
        services.AddScoped<ElectionComms.Web.Auth.StaffAccounts>();
        services.AddScoped<ElectionComms.Web.Data.Seed.DemoSeeder>();
        services.AddScoped<ElectionComms.Web.Data.Seed.ChannelsSeeder>();
        services.AddScoped<ElectionComms.Web.Data.Seed.PeopleSeeder>();
        services.AddSingleton<ElectionComms.Web.Features.Registry.IPhoneNormaliser, ElectionComms.Web.Features.Registry.LibPhoneNumberNormaliser>();
        services.AddScoped<ElectionComms.Web.Common.EligibilityQuery>();
        services.AddScoped<ElectionComms.Web.Features.Registry.ReconciliationComparer>();
        services.AddScoped<ElectionComms.Web.Common.ReconciliationAccess>();
        services.AddScoped<ElectionComms.Web.Features.Channels.Groups.ScopeResolver>();
        services.AddScoped<ElectionComms.Web.Features.Channels.Groups.GroupSaver>();
        services.AddScoped<ElectionComms.Web.Features.Registry.RosterImporter>().AddSingleton<ElectionComms.Web.Features.Registry.ImportStore>();
        services.AddHostedService<ElectionComms.Web.Features.Registry.UploadSweeper>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = new[] { new CultureInfo(Cultures.Albanian), new CultureInfo(Cultures.English) };
            options.DefaultRequestCulture = new RequestCulture(Cultures.Albanian);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;

            // Albanian unless the user chose otherwise: a browser set to English still starts in Albanian.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = Cultures.CookieName },
            ];
        });
        return services;
    }
}
