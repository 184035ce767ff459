using System.Runtime.Versioning;
using Tmds.DBus.Protocol;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// The switch on a session's accessibility bus: at-spi-bus-launcher's <c>org.a11y.Status.IsEnabled</c> property on the session
/// bus. Toolkits that do not expose their tree on a bare bus (Qt 5, Gecko, Chromium) look at it when they start — it is what
/// GNOME's "toolkit-accessibility" setting and a screen reader turn on.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class AccessibilityBusSwitch
{
    private const string BusName = "org.a11y.Bus";
    private const string BusPath = "/org/a11y/bus";
    private const string StatusInterface = "org.a11y.Status";
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";

    /// <summary>Sets <c>IsEnabled</c> on the session bus at <paramref name="sessionBusAddress"/> and reads it back.</summary>
    /// <exception cref="DispatchException">The launcher did not answer or refused, or it still reads false; the message says which.</exception>
    public static async Task TurnOnAsync(string sessionBusAddress, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var connection = new DBusConnection(sessionBusAddress);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(deadline.Token).ConfigureAwait(false);
            await connection.CallMethodAsync(SetEnabled(connection)).WaitAsync(deadline.Token).ConfigureAwait(false);
            var enabled = await connection.CallMethodAsync(GetEnabled(connection), static (m, _) =>
            {
                var reader = m.GetBodyReader();
                return reader.ReadVariantValue().GetBool();
            }).WaitAsync(deadline.Token).ConfigureAwait(false);
            if (!enabled)
            {
                throw new DispatchException($"{StatusInterface}.IsEnabled on {BusPath} still reads false after it was set to true.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DispatchException($"at-spi-bus-launcher did not answer on the session bus within {timeout.TotalSeconds:0.#} s when {StatusInterface}.IsEnabled was set.");
        }
        catch (DBusExceptionBase error)
        {
            throw new DispatchException($"setting {StatusInterface}.IsEnabled on {BusName} {BusPath} failed: {error.Message}", error);
        }
    }

    private static MessageBuffer SetEnabled(DBusConnection connection)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(BusName, BusPath, PropertiesInterface, "Set", "ssv");
        writer.WriteString(StatusInterface);
        writer.WriteString("IsEnabled");
        writer.WriteVariantBool(true);
        return writer.CreateMessage();
    }

    private static MessageBuffer GetEnabled(DBusConnection connection)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(BusName, BusPath, PropertiesInterface, "Get", "ss");
        writer.WriteString(StatusInterface);
        writer.WriteString("IsEnabled");
        return writer.CreateMessage();
    }
}
