using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Pages.Shared;

/// <summary>
/// One page of an ordered query, counted and cut by the database (never in memory). Render its
/// <see cref="Pager"/> with the <c>_Pager</c> partial.
/// </summary>
public sealed class Paged<T>
{
    private Paged(IReadOnlyList<T> items, int pageNumber, int pageSize, int total)
    {
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        Total = total;
    }

    public IReadOnlyList<T> Items { get; }

    public int PageNumber { get; }

    public int PageSize { get; }

    public int Total { get; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Reads page <paramref name="pageNumber"/>, moved into range when it is past either end.</summary>
    public static Task<Paged<T>> ReadAsync(IQueryable<T> ordered, int pageNumber, int pageSize, CancellationToken cancellationToken) =>
        ReadPageAsync(ordered, page => page, pageNumber, pageSize, cancellationToken);

    /// <summary>
    /// Reads page <paramref name="pageNumber"/> of <paramref name="ordered"/> and only then projects it, so per-row
    /// subqueries in <paramref name="projection"/> run for the rows shown, not for every row before the offset.
    /// </summary>
    public static Task<Paged<T>> ReadAsync<TSource>(
        IQueryable<TSource> ordered, Expression<Func<TSource, T>> projection, int pageNumber, int pageSize, CancellationToken cancellationToken) =>
        ReadPageAsync(ordered, page => page.Select(projection), pageNumber, pageSize, cancellationToken);

    private static async Task<Paged<T>> ReadPageAsync<TSource>(
        IQueryable<TSource> ordered, Func<IQueryable<TSource>, IQueryable<T>> project, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = await ordered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(pageNumber, 1, pageCount);
        var items = total == 0
            ? []
            : await project(ordered.Skip((number - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new Paged<T>(items, number, pageSize, total);
    }

    /// <param name="routeValues">The list's other query values (filters, sort), kept on every page link.</param>
    public PagerModel Pager(IReadOnlyDictionary<string, string?> routeValues) => new(PageNumber, PageCount, Total, routeValues);
}

public sealed record PagerModel(int PageNumber, int PageCount, int Total, IReadOnlyDictionary<string, string?> RouteValues)
{
    /// <summary>The query-string key of the page number; "page" is taken by Razor Pages' own route value.</summary>
    public const string PageNumberKey = "pageNumber";
}
