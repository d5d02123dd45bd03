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
        // Every validation and model-binding message in the user's language (issue 11 item 9), and values typed into an
        // address bound without a server error (issue 11 item 6; Setup/SafeBinders.cs).
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            ValidationMessages.Apply(options, factory.Create(typeof(Strings)));
            options.ModelBinderProviders.Insert(0, new SafeBinderProvider());
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(ValidationMessages.Apply);
        // Albanian letters (ë, ç) and typographic quotes stay readable in the HTML instead of &#xEB; escapes.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings =
            new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA, UnicodeRanges.GeneralPunctuation));
        services.AddScoped<DomainErrors>();
        services.AddScoped<ElectionComms.Web.Auth.StaffAccounts>();
        services.AddScoped<ElectionComms.Web.Data.Seed.DemoSeeder>();
        services.AddScoped<ElectionComms.Web.Data.Seed.ChannelsSeeder>();
        services.AddScoped<ElectionComms.Web.Data.Seed.PeopleSeeder>();
        services.AddSingleton<ElectionComms.Web.Features.Registry.IPhoneNormaliser, ElectionComms.Web.Features.Registry.LibPhoneNumberNormaliser>();
        services.AddScoped<ElectionComms.Web.Features.Registry.ReconciliationComparer>();
        services.AddScoped<ElectionComms.Web.Features.Channels.Groups.ScopeResolver>();
        services.AddScoped<ElectionComms.Web.Features.Channels.Groups.BotJoinLink>();
        services.AddScoped<ElectionComms.Web.Common.ChangeFailures>().AddScoped<ElectionComms.Web.Common.PageChanges>();
        services.AddScoped<ElectionComms.Web.Features.Admin.Staff.StaffAccountChanges>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ElectionComms.Web.Features.Registry.RegistryUploadAuthorizationHandler>();
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
