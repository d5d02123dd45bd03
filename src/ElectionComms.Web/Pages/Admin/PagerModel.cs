namespace ElectionComms.Web.Pages.Admin;

/// <summary>What the shared pager (_Pager.cshtml) needs: where we are and how to link to another page of the same list.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int Total, Func<int, Dictionary<string, string>> RouteFor);
