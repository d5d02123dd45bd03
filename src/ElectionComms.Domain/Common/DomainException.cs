namespace ElectionComms.Domain.Common;

/// <summary>
/// A broken rule. <see cref="Code"/> is a resource key so the page can show the message in the user's language;
/// <see cref="Arguments"/> fill its placeholders.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, params object[] arguments)
        : base(code)
    {
        Code = code;
        Arguments = arguments;
    }

    public string Code { get; }

    public IReadOnlyList<object> Arguments { get; }
}
