#include "serialsettings.h"

#include "config/configreader.h"
#include "serialbytes.h"

namespace vigil
{

namespace
{

std::optional<QByteArray> readDelimiter(ConfigReader &r, QStringView key, ConfigReader::Need need)
{
    const ConfigNode *node = r.node().member(key);
    const std::optional<QString> text = r.string(key, need);
    if (!text)
        return std::nullopt;
    QString error;
    std::optional<QByteArray> bytes = SerialBytes::parseDelimiter(*text, &error);
    if (!bytes) {
        r.error(*node, QStringLiteral("'%1' %2").arg(key, error));
        return std::nullopt;
    }
    if (bytes->size() > 8) {
        r.error(*node, QStringLiteral("'%1' must be at most 8 bytes").arg(key));
        return std::nullopt;
    }
    return bytes;
}

// Keys that only apply in one configuration are errors elsewhere, never silently ignored.
void onlyWith(ConfigReader &r, std::initializer_list<QStringView> keys, const QString &when)
{
    for (QStringView key : keys) {
        if (const ConfigNode *n = r.take(key))
            r.error(*n, QStringLiteral("'%1' applies only %2").arg(key, when));
    }
}

void readPort(ConfigReader &r, SerialSettings &s)
{
    if (const std::optional<QString> port = r.string(u"port", ConfigReader::Required)) {
        s.port = port->trimmed();
        if (s.port.isEmpty())
            r.error(*r.node().member(u"port"),
                    QStringLiteral("'port' must name a serial device, e.g. \"/dev/ttyUSB0\""));
    }
}

void readLineSettings(ConfigReader &r, SerialSettings &s)
{
    s.baud = qint32(r.integer(u"baud", 50, 4'000'000).value_or(9600));
    s.dataBits = QSerialPort::DataBits(r.integer(u"data_bits", 5, 8).value_or(8));

    const std::optional<QString> parity =
        r.choice(u"parity", {QStringLiteral("none"), QStringLiteral("even"), QStringLiteral("odd"),
                             QStringLiteral("mark"), QStringLiteral("space")});
    if (parity == u"even")
        s.parity = QSerialPort::EvenParity;
    else if (parity == u"odd")
        s.parity = QSerialPort::OddParity;
    else if (parity == u"mark")
        s.parity = QSerialPort::MarkParity;
    else if (parity == u"space")
        s.parity = QSerialPort::SpaceParity;

    if (const ConfigNode *stop = r.node().member(u"stop_bits")) {
        const std::optional<double> bits = r.number(u"stop_bits");
        if (bits == 1.0)
            s.stopBits = QSerialPort::OneStop;
        else if (bits == 1.5)
            s.stopBits = QSerialPort::OneAndHalfStop;
        else if (bits == 2.0)
            s.stopBits = QSerialPort::TwoStop;
        else if (bits)
            r.error(*stop, QStringLiteral("'stop_bits' must be 1, 1.5 or 2 (got %1)").arg(*bits));
    }
    const std::optional<QString> flow =
        r.choice(u"flow_control",
                 {QStringLiteral("none"), QStringLiteral("hardware"), QStringLiteral("software")});
    if (flow == u"hardware")
        s.flowControl = QSerialPort::HardwareControl;
    else if (flow == u"software")
        s.flowControl = QSerialPort::SoftwareControl;
}

void readFixedFraming(ConfigReader &r, SerialSettings &s)
{
    s.framing.mode = SerialFramer::Mode::FixedLength;
    onlyWith(r, {u"terminator"}, QStringLiteral("with framing = \"terminator\""));
    onlyWith(r, {u"start_marker", u"end_marker"}, QStringLiteral("with framing = \"markers\""));
    const ConfigNode *lengthNode = r.node().member(u"frame_length");
    s.framing.length =
        int(r.integer(u"frame_length", 1, 65'536, ConfigReader::Required).value_or(1));
    if (lengthNode && s.framing.length > s.framing.maxFrame)
        r.error(*lengthNode, QStringLiteral("'frame_length' (%1) exceeds 'max_frame' (%2)")
                                 .arg(s.framing.length)
                                 .arg(s.framing.maxFrame));
}

void readMarkerFraming(ConfigReader &r, SerialSettings &s)
{
    s.framing.mode = SerialFramer::Mode::Markers;
    onlyWith(r, {u"terminator"}, QStringLiteral("with framing = \"terminator\""));
    onlyWith(r, {u"frame_length"}, QStringLiteral("with framing = \"fixed\""));
    const auto start = readDelimiter(r, u"start_marker", ConfigReader::Required);
    const auto end = readDelimiter(r, u"end_marker", ConfigReader::Required);
    if (start && end && *start == *end)
        r.error(*r.node().member(u"end_marker"),
                QStringLiteral("'start_marker' and 'end_marker' must differ"));
    s.framing.start = start.value_or(QByteArray("\x02"));
    s.framing.end = end.value_or(QByteArray("\x03"));
}

void readTerminatorFraming(ConfigReader &r, SerialSettings &s)
{
    s.framing.mode = SerialFramer::Mode::Terminator;
    onlyWith(r, {u"frame_length"}, QStringLiteral("with framing = \"fixed\""));
    onlyWith(r, {u"start_marker", u"end_marker"}, QStringLiteral("with framing = \"markers\""));
    if (r.has(u"terminator"))
        s.framing.terminator =
            readDelimiter(r, u"terminator", ConfigReader::Optional).value_or(QByteArray("\n"));
    else
        s.framing.terminator = QByteArray("\n");
    const QByteArray &t = s.framing.terminator;
    s.framing.trimLineEnds = t == "\r" || t == "\n" || t == "\r\n";
}

void readFraming(ConfigReader &r, SerialSettings &s)
{
    s.framing.maxFrame = int(r.integer(u"max_frame", 8, 65'536).value_or(512));
    s.frameTimeoutMs = r.durationMs(u"frame_timeout", 10, 60'000).value_or(500);
    const std::optional<QString> framing =
        r.choice(u"framing", {QStringLiteral("terminator"), QStringLiteral("fixed"),
                              QStringLiteral("markers")});
    if (framing == u"fixed")
        readFixedFraming(r, s);
    else if (framing == u"markers")
        readMarkerFraming(r, s);
    else
        readTerminatorFraming(r, s);
}

void readPolled(ConfigReader &r, const ConfigNode &requestNode, SerialSettings &s)
{
    const std::optional<QString> request = r.string(u"request");
    QString error;
    const std::optional<QByteArray> bytes =
        request ? SerialBytes::fromText(*request, &error) : std::nullopt;
    if (request && !bytes)
        r.error(requestNode, QStringLiteral("'request' %1").arg(error));
    else if (bytes && bytes->isEmpty())
        r.error(requestNode, QStringLiteral("'request' must not be empty"));
    else if (bytes)
        s.request = *bytes;
    s.periodMs = r.durationMs(u"period", 20, 3'600'000).value_or(1000);
    s.responseTimeoutMs = r.durationMs(u"response_timeout", 10, 60'000).value_or(1000);
    s.responseFrames = int(r.integer(u"response_frames", 1, 64).value_or(1));
    s.retries = int(r.integer(u"retries", 0, 10).value_or(2));
    onlyWith(r, {u"silence_timeout"}, QStringLiteral("in continuous mode (without 'request')"));
    if (const ConfigNode *timeoutNode = r.node().member(u"response_timeout");
        timeoutNode && s.responseTimeoutMs >= s.periodMs)
        r.warning(*timeoutNode,
                  QStringLiteral("'response_timeout' is not shorter than 'period': slow "
                                 "answers will delay the next request"));
}

void readContinuous(ConfigReader &r, SerialSettings &s)
{
    onlyWith(r, {u"period", u"response_timeout", u"response_frames", u"retries"},
             QStringLiteral("in polled mode (with 'request')"));
    s.silenceTimeoutMs = r.durationMs(u"silence_timeout", 100, 3'600'000).value_or(0);
}

} // namespace

SerialSettings SerialSettings::read(ConfigReader &r)
{
    SerialSettings s;
    readPort(r, s);
    readLineSettings(r, s);
    readFraming(r, s);
    if (const ConfigNode *requestNode = r.node().member(u"request"))
        readPolled(r, *requestNode, s);
    else
        readContinuous(r, s);
    s.reopenIntervalMs = r.durationMs(u"reopen_interval", 100, 3'600'000).value_or(2000);
    return s;
}

} // namespace vigil
