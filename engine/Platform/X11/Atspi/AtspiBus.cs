using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;
using Tmds.DBus.Protocol;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>
/// One display's accessibility bus: the AT-SPI2 calls Dispatch makes, each an async D-Bus method call on one shared
/// connection (many may be in flight at once: replies are matched by serial). Every call waits at most
/// <see cref="CallTimeout"/>, so a hung application costs its own timeout and nothing more, and ends at once when its
/// token is cancelled. No state is shared with other instances: two displays are two buses.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class AtspiBus : IDisposable
{
    public const string RegistryName = "org.a11y.atspi.Registry";
    public const string AccessibleInterface = "org.a11y.atspi.Accessible";
    public const string ComponentInterface = "org.a11y.atspi.Component";
    public const string TextInterface = "org.a11y.atspi.Text";
    public const string EditableTextInterface = "org.a11y.atspi.EditableText";
    public const string ActionInterface = "org.a11y.atspi.Action";
    public const string SelectionInterface = "org.a11y.atspi.Selection";
    private const string CacheInterface = "org.a11y.atspi.Cache";
    private const string CachePath = "/org/a11y/atspi/cache";
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";
    private const string EventObjectInterface = "org.a11y.atspi.Event.Object";

    /// <summary>ATSPI_COORD_TYPE_SCREEN.</summary>
    private const uint ScreenCoordinates = 0;

    private readonly DBusConnection _connection;
    private readonly TimeProvider _time;

    /// <summary>Opens (lazily: on the first call) a connection to the bus at <paramref name="address"/>.</summary>
    public AtspiBus(string address, TimeProvider time, TimeSpan callTimeout)
    {
        Address = address;
        _time = time;
        CallTimeout = callTimeout;
        _connection = new DBusConnection(new DBusConnectionOptions(address) { AutoConnect = true });
    }

    /// <summary>The bus address (from the display's <c>AT_SPI_BUS</c> property).</summary>
    public string Address { get; }

    /// <summary>How long one call may wait for its reply.</summary>
    public TimeSpan CallTimeout { get; }

    /// <summary>The desktop: the registry's root, whose children are the registered applications.</summary>
    public static AtspiObject Desktop { get; } = new(RegistryName, AtspiObject.RootPath);

    public Task<AtspiObject[]> GetChildrenAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, AccessibleInterface, "GetChildren"), target, "GetChildren", static (m, _) =>
        {
            var reader = m.GetBodyReader();
            var children = new List<AtspiObject>();
            var end = reader.ReadArrayStart(DBusType.Struct);
            while (reader.HasNext(end))
            {
                children.Add(ReadReference(ref reader));
            }
            return children.ToArray();
        }, cancellationToken);

    public Task<AtspiObject> GetChildAtIndexAsync(AtspiObject target, int index, CancellationToken cancellationToken) =>
        SendAsync(Message(target, AccessibleInterface, "GetChildAtIndex", index), target, "GetChildAtIndex", static (m, _) =>
        {
            var reader = m.GetBodyReader();
            return ReadReference(ref reader);
        }, cancellationToken);

    public Task<uint> GetRoleAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, AccessibleInterface, "GetRole"), target, "GetRole", static (m, _) => m.GetBodyReader().ReadUInt32(), cancellationToken);

    public Task<string> GetRoleNameAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, AccessibleInterface, "GetRoleName"), target, "GetRoleName", static (m, _) => m.GetBodyReader().ReadString(), cancellationToken);

    /// <summary>The role name as libatspi gives it: from the role number, or the toolkit's own name for an extended role.</summary>
    public async Task<string> GetRoleNameOfAsync(AtspiObject target, CancellationToken cancellationToken) =>
        AtspiRoles.NameOf(await GetRoleAsync(target, cancellationToken).ConfigureAwait(false))
            ?? await GetRoleNameAsync(target, cancellationToken).ConfigureAwait(false);

    public Task<UiStates> GetStateAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, AccessibleInterface, "GetState"), target, "GetState", static (m, _) =>
        {
            var reader = m.GetBodyReader();
            return ReadStates(ref reader);
        }, cancellationToken);

    public Task<string[]> GetInterfacesAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, AccessibleInterface, "GetInterfaces"), target, "GetInterfaces", static (m, _) => m.GetBodyReader().ReadArrayOfString(), cancellationToken);

    /// <summary>
    /// Name, description and child count in one call (<c>Properties.GetAll</c> of the Accessible interface). Only for
    /// toolkits known to answer it: Qt 5 crashes on it (segmentation fault, seen with PyQt5 5.15).
    /// </summary>
    public Task<(string Name, string Description, int ChildCount)> GetBasicsAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, PropertiesInterface, "GetAll", AccessibleInterface), target, "GetAll", static (m, _) =>
        {
            var properties = m.GetBodyReader().ReadDictionaryOfStringToVariantValue();
            return (Text(properties, "Name"), Text(properties, "Description"),
                properties.TryGetValue("ChildCount", out var count) && count.Type == VariantValueType.Int32 ? count.GetInt32() : 0);
        }, cancellationToken);

    public Task<string> GetNameAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, PropertiesInterface, "Get", AccessibleInterface, "Name"), target, "Get Name", static (m, _) => m.GetBodyReader().ReadVariantValue().GetString(), cancellationToken);

    public Task<string> GetDescriptionAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, PropertiesInterface, "Get", AccessibleInterface, "Description"), target, "Get Description", static (m, _) => m.GetBodyReader().ReadVariantValue().GetString(), cancellationToken);

    /// <summary>The toolkit behind an application, e.g. <c>GTK</c>, <c>Qt</c>, <c>Chromium</c> (Application.ToolkitName).</summary>
    public Task<string> GetToolkitNameAsync(string busName, CancellationToken cancellationToken) =>
        SendAsync(Message(AtspiObject.ApplicationRoot(busName), PropertiesInterface, "Get", "org.a11y.atspi.Application", "ToolkitName"), AtspiObject.ApplicationRoot(busName),
            "Get ToolkitName", static (m, _) => m.GetBodyReader().ReadVariantValue().GetString(), cancellationToken);

    public Task<int> GetChildCountAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, PropertiesInterface, "Get", AccessibleInterface, "ChildCount"), target, "Get ChildCount", static (m, _) => m.GetBodyReader().ReadVariantValue().GetInt32(), cancellationToken);

    public Task<int> GetCharacterCountAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, PropertiesInterface, "Get", TextInterface, "CharacterCount"), target, "Get CharacterCount", static (m, _) => m.GetBodyReader().ReadVariantValue().GetInt32(), cancellationToken);

    /// <summary>Screen extents; null for elements that are not laid out (toolkits report -1,-1,-1,-1 or 0×0).</summary>
    public Task<Rect?> GetExtentsAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, ComponentInterface, "GetExtents", ScreenCoordinates), target, "GetExtents", static (m, _) =>
        {
            var reader = m.GetBodyReader();
            reader.AlignStruct();
            var bounds = new Rect(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            return bounds.Width > 0 && bounds.Height > 0 ? bounds : (Rect?)null;
        }, cancellationToken);

    public Task<string> GetTextAsync(AtspiObject target, int start, int end, CancellationToken cancellationToken) =>
        SendAsync(Message(target, TextInterface, "GetText", start, end), target, "GetText", static (m, _) => m.GetBodyReader().ReadString(), cancellationToken);

    /// <summary>
    /// The names of the element's actions, in order: their count, then every name asked at once. <c>GetName</c>, as
    /// libatspi asks, not <c>GetActions</c>, whose names GTK 4 gives localised ("Click" for "click").
    /// </summary>
    public async Task<string[]> GetActionNamesAsync(AtspiObject target, CancellationToken cancellationToken)
    {
        var count = await SendAsync(Message(target, PropertiesInterface, "Get", ActionInterface, "NActions"), target, "Get NActions",
            static (m, _) => m.GetBodyReader().ReadVariantValue().GetInt32(), cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(Enumerable.Range(0, Math.Max(0, count)).Select(i =>
            SendAsync(Message(target, ActionInterface, "GetName", i), target, "GetName", static (m, _) => m.GetBodyReader().ReadString(), cancellationToken))).ConfigureAwait(false);
    }

    public Task<bool> DoActionAsync(AtspiObject target, int index, CancellationToken cancellationToken) =>
        SendAsync(Message(target, ActionInterface, "DoAction", index), target, "DoAction", ReadBool, cancellationToken);

    public Task<bool> GrabFocusAsync(AtspiObject target, CancellationToken cancellationToken) =>
        SendAsync(Message(target, ComponentInterface, "GrabFocus"), target, "GrabFocus", ReadBool, cancellationToken);

    public Task<bool> SetTextContentsAsync(AtspiObject target, string text, CancellationToken cancellationToken) =>
        SendAsync(Message(target, EditableTextInterface, "SetTextContents", text), target, "SetTextContents", ReadBool, cancellationToken);

    public Task<bool> SelectChildAsync(AtspiObject target, int index, CancellationToken cancellationToken) =>
        SendAsync(Message(target, SelectionInterface, "SelectChild", index), target, "SelectChild", ReadBool, cancellationToken);

    /// <summary>The process behind a bus name, as the bus daemon knows it (the application is not asked).</summary>
    public Task<int> GetProcessIdAsync(string busName, CancellationToken cancellationToken)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetConnectionUnixProcessID", "s");
        writer.WriteString(busName);
        return SendAsync(writer.CreateMessage(), new AtspiObject("org.freedesktop.DBus", "/org/freedesktop/DBus"), "GetConnectionUnixProcessID",
            static (m, _) => (int)m.GetBodyReader().ReadUInt32(), cancellationToken);
    }

    /// <summary>
    /// The application's whole cached tree in one call, or null when it keeps no cache (GTK 3 through at-spi2-atk 2.46,
    /// Chromium) or keeps it in the pre-2015 shape (Qt 5). A cache may hold only part of the tree (GTK 4 adds elements
    /// as they are first asked for), so callers use it only where it covers a parent's children completely.
    /// </summary>
    public async Task<IReadOnlyList<AtspiCacheItem>?> GetCacheItemsAsync(string busName, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(Message(new AtspiObject(busName, CachePath), CacheInterface, "GetItems"), new AtspiObject(busName, CachePath), "GetItems",
                static (m, _) => m.SignatureAsString == "a((so)(so)(so)iiassusau)" ? ReadCacheItems(m) : null, cancellationToken).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException)
        {
            return null;
        }
    }

    /// <summary>
    /// Calls <paramref name="changed"/> whenever a <c>ChildrenChanged</c> event arrives for a root: the registry sends
    /// it on the desktop when an application registers or leaves. Dispose the result to stop.
    /// </summary>
    public async Task<IDisposable> WatchChildrenChangedAsync(Action changed, CancellationToken cancellationToken)
    {
        var rule = new MatchRule { Type = MessageType.Signal, Interface = EventObjectInterface, Member = "ChildrenChanged", Path = AtspiObject.RootPath };
        return await _connection.AddMatchAsync(rule, static (_, _) => true, notification =>
        {
            if (notification.HasValue)
            {
                ((Action)notification.State!).Invoke();
            }
        }, emitOnCapturedContext: false, ObserverFlags.None, changed).AsTask().WaitAsync(CallTimeout, _time, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _connection.Dispose();

    private async Task<T> SendAsync<T>(MessageBuffer message, AtspiObject target, string member, MessageValueReader<T> reader, CancellationToken cancellationToken)
    {
        var call = _connection.CallMethodAsync(message, reader);
        try
        {
            return await call.WaitAsync(CallTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            Forget(call);
            throw new AtspiCallTimeoutException(target.BusName, member, CallTimeout);
        }
        catch (OperationCanceledException) when (!call.IsCompleted)
        {
            Forget(call);
            throw;
        }
    }

    /// <summary>A reply that comes after its caller gave up is dropped, its failure observed.</summary>
    private static void Forget(Task call) =>
        call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private MessageBuffer Message(AtspiObject target, string @interface, string member)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(target.BusName, target.Path, @interface, member);
        return writer.CreateMessage();
    }

    private MessageBuffer Message(AtspiObject target, string @interface, string member, int argument)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(target.BusName, target.Path, @interface, member, "i");
        writer.WriteInt32(argument);
        return writer.CreateMessage();
    }

    private MessageBuffer Message(AtspiObject target, string @interface, string member, uint argument)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(target.BusName, target.Path, @interface, member, "u");
        writer.WriteUInt32(argument);
        return writer.CreateMessage();
    }

    private MessageBuffer Message(AtspiObject target, string @interface, string member, int first, int second)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(target.BusName, target.Path, @interface, member, "ii");
        writer.WriteInt32(first);
        writer.WriteInt32(second);
        return writer.CreateMessage();
    }

    private MessageBuffer Message(AtspiObject target, string @interface, string member, string argument)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(target.BusName, target.Path, @interface, member, "s");
        writer.WriteString(argument);
        return writer.CreateMessage();
    }

    private MessageBuffer Message(AtspiObject target, string @interface, string member, string first, string second)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(target.BusName, target.Path, @interface, member, "ss");
        writer.WriteString(first);
        writer.WriteString(second);
        return writer.CreateMessage();
    }

    private static bool ReadBool(Message message, object? state) => message.GetBodyReader().ReadBool();

    private static AtspiObject ReadReference(ref Reader reader)
    {
        reader.AlignStruct();
        var bus = reader.ReadString();
        var path = reader.ReadObjectPathAsString();
        return new AtspiObject(bus, path);
    }

    /// <summary>AT-SPI states are two 32-bit words of bits numbered as AtspiStateType; <see cref="AtspiRoles.ToUiStates"/> names them.</summary>
    private static UiStates ReadStates(ref Reader reader)
    {
        var words = reader.ReadArrayOfUInt32();
        return AtspiRoles.ToUiStates((words.Length > 0 ? words[0] : 0UL) | (words.Length > 1 ? (ulong)words[1] << 32 : 0UL));
    }

    private static AtspiCacheItem[] ReadCacheItems(Message message)
    {
        var reader = message.GetBodyReader();
        var items = new List<AtspiCacheItem>();
        var end = reader.ReadArrayStart(DBusType.Struct);
        while (reader.HasNext(end))
        {
            reader.AlignStruct();
            var self = ReadReference(ref reader);
            ReadReference(ref reader);
            var parent = ReadReference(ref reader);
            var index = reader.ReadInt32();
            var childCount = reader.ReadInt32();
            var interfaces = reader.ReadArrayOfString();
            var name = reader.ReadString();
            var role = reader.ReadUInt32();
            var description = reader.ReadString();
            var states = ReadStates(ref reader);
            items.Add(new AtspiCacheItem(self, parent, index, childCount, interfaces, name, role, description, states));
        }
        return items.ToArray();
    }

    private static string Text(Dictionary<string, VariantValue> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.Type == VariantValueType.String ? value.GetString() : "";
}
