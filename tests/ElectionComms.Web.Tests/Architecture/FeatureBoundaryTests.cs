using System.Reflection;
using System.Text.RegularExpressions;
using ElectionComms.Web.Data;
using NetArchTest.Rules;

namespace ElectionComms.Web.Tests.Architecture;

/// <summary>
/// ADR 0023: one folder per feature. A feature uses its own types, <c>Common/</c> and infrastructure, never another
/// feature's; shared code and infrastructure do not reach into features (composition and the demo seeder excepted);
/// a migration runs only what it holds.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private const string Features = "ElectionComms.Web.Features";
    private static readonly Assembly Web = typeof(AppDbContext).Assembly;

    public static TheoryData<string> FeatureNames()
    {
        var data = new TheoryData<string>();
        foreach (var feature in FeatureNamespaces())
        {
            data.Add(feature);
        }

        return data;
    }

    [Fact]
    public void The_features_are_the_ones_the_adr_names()
    {
        Assert.Equal(
            ["Account", "Admin", "Administration", "Channels", "Error", "Invitations", "MemberApp", "Messages", "PlatformEvents", "Publishing", "Registry", "Shared"],
            FeatureNamespaces().Select(n => n[(Features.Length + 1)..]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FeatureNames))]
    public void A_feature_does_not_use_another_feature(string feature)
    {
        // With the trailing dot: "Features.Admin." must not also match "Features.Administration".
        var others = FeatureNamespaces().Where(n => n != feature).Select(n => n + ".").ToArray();

        var result = Types.InAssembly(Web).That().ResideInNamespaceMatching($"^{Regex.Escape(feature)}(\\.|$)")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();

        Assert.True(result.IsSuccessful, $"{feature} uses another feature: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [InlineData("ElectionComms.Web.Common")]
    [InlineData("ElectionComms.Web.Auth")]
    [InlineData("ElectionComms.Web.Data")]
    [InlineData("ElectionComms.Web.Exports")]
    [InlineData("ElectionComms.Web.Localisation")]
    public void Shared_code_and_infrastructure_do_not_use_a_feature(string shared)
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace(shared)
            .And().DoNotResideInNamespace("ElectionComms.Web.Data.Seed")
            .ShouldNot().HaveDependencyOn(Features).GetResult();

        Assert.True(result.IsSuccessful, $"{shared} uses a feature: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_domain_does_not_use_the_web_project()
    {
        var result = Types.InAssembly(typeof(Domain.Common.DomainException).Assembly).ShouldNot().HaveDependencyOn("ElectionComms.Web").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void A_migration_runs_only_what_it_holds()
    {
        // SQL that a migration executes is frozen in the migration (issue 12): a migration may use the data model it
        // belongs to (EF's generated designers name the context and the audit entry), nothing else of the portal, so
        // editing a feature, a shared query or the seed can never rewrite history.
        var portal = Web.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct()
            .Where(n => n.StartsWith("ElectionComms.Web.", StringComparison.Ordinal)
                && n is not ("ElectionComms.Web.Data" or "ElectionComms.Web.Data.Audit" or "ElectionComms.Web.Data.Migrations"))
            .Select(n => n + ".")
            .ToArray();

        var result = Types.InAssembly(Web).That().ResideInNamespace("ElectionComms.Web.Data.Migrations").ShouldNot().HaveDependencyOnAny(portal).GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static IEnumerable<string> FeatureNamespaces() =>
        Web.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(n => string.Join('.', n.Split('.').Take(4)))
            .Distinct()
            .Order(StringComparer.Ordinal);
}
