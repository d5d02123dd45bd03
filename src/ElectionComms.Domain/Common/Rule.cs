using System.Linq.Expressions;

namespace ElectionComms.Domain.Common;

/// <summary>
/// A rule written once as an expression of (entity, argument): compiled for the domain's own checks, and bound to an
/// argument for database queries, so that LINQ to SQL and the domain evaluate the same definition.
/// </summary>
public sealed class Rule<T, TArgument>
{
    private readonly Expression<Func<T, TArgument, bool>> definition;
    private readonly Func<T, TArgument, bool> compiled;

    public Rule(Expression<Func<T, TArgument, bool>> definition)
    {
        this.definition = definition;
        compiled = definition.Compile();
    }

    public bool Holds(T item, TArgument argument) => compiled(item, argument);

    /// <summary>
    /// The rule for one argument as a query filter. The argument is read from a holder object, as a captured
    /// variable would be, so that EF Core sends it as a parameter rather than a literal (one plan for every value).
    /// </summary>
    public Expression<Func<T, bool>> For(TArgument argument)
    {
        var holder = Expression.Property(Expression.Constant(new Holder(argument)), nameof(Holder.Value));
        var body = new Replace(definition.Parameters[1], holder).Visit(definition.Body);
        return Expression.Lambda<Func<T, bool>>(body, definition.Parameters[0]);
    }

    private sealed record Holder(TArgument Value);

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
