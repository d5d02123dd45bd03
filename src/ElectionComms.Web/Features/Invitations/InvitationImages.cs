namespace ElectionComms.Web.Features.Invitations;

/// <summary>
/// The QR images of a bulk batch, one call per card: the sheet's screen-size data URIs and the ZIP's print-size PNGs.
/// A service rather than a static call so that a test can make one card fail midway and see that the batch's
/// invitations are not kept (ADR 0019).
/// </summary>
public class InvitationImages(InvitationLinks links)
{
    public virtual string ScreenDataUri(string code, string caption) =>
        "data:image/png;base64," + Convert.ToBase64String(QrImages.Png(links.For(code), caption, QrSize.Screen));

    public virtual byte[] PrintPng(string code, string caption) => QrImages.Png(links.For(code), caption, QrSize.Print);
}
