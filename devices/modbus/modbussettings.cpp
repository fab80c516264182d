#include "modbussettings.h"

#include "config/configreader.h"

namespace vigil
{

QString ModbusSettings::endpoint() const
{
    if (!isRtu())
        return QStringLiteral("tcp %1:%2").arg(host).arg(port);
    return QStringLiteral("rtu %1 %2 %3%4%5")
        .arg(serial)
        .arg(baud)
        .arg(dataBits)
        .arg(QChar::fromLatin1(parity))
        .arg(stopBits);
}

ModbusSettings ModbusSettings::read(ConfigReader &r)
{
    ModbusSettings s;
    const ConfigNode &node = r.node();
    const std::optional<QString> transport = r.choice(
        u"transport", {QStringLiteral("tcp"), QStringLiteral("rtu")}, ConfigReader::Required);
    s.transport = transport == QStringLiteral("rtu") ? Transport::Rtu : Transport::Tcp;
    const bool known = transport.has_value();

    auto onlyFor = [&](std::initializer_list<QStringView> keys, const QString &other) {
        for (QStringView key : keys) {
            if (const ConfigNode *n = r.take(key))
                r.error(*n, QStringLiteral("'%1' applies to transport %2 only").arg(key, other));
        }
    };
    if (!known) {
        r.accept({u"host", u"port", u"tcp_nodelay", u"serial", u"baud", u"parity", u"data_bits",
                  u"stop_bits"});
    } else if (s.isRtu()) {
        onlyFor({u"host", u"port", u"tcp_nodelay"}, QStringLiteral("tcp"));
        s.serial = r.string(u"serial", ConfigReader::Required).value_or(QString());
        if (const ConfigNode *n = node.member(u"serial"); n && s.serial.trimmed().isEmpty())
            r.error(*n, QStringLiteral("'serial' must name a serial device such as /dev/ttyUSB0"));
        if (const ConfigNode *n = node.member(u"baud")) {
            static const QList<qint64> rates = {1200,  2400,   4800,   9600,   19200, 38400,
                                                57600, 115200, 230400, 460800, 921600};
            const std::optional<qint64> baud = r.integer(u"baud", 300, 4'000'000);
            if (baud && !rates.contains(*baud))
                r.error(
                    *n,
                    QStringLiteral("baud %1 is not a standard rate (1200 .. 921600)").arg(*baud));
            else if (baud)
                s.baud = int(*baud);
        }
        const std::optional<QString> parity = r.choice(
            u"parity", {QStringLiteral("none"), QStringLiteral("even"), QStringLiteral("odd")});
        if (parity)
            s.parity = *parity == u"none" ? 'N' : *parity == u"odd" ? 'O' : 'E';
        s.dataBits = int(r.integer(u"data_bits", 7, 8).value_or(8));
        s.stopBits = int(r.integer(u"stop_bits", 1, 2).value_or(1));
    } else {
        onlyFor({u"serial", u"baud", u"parity", u"data_bits", u"stop_bits"}, QStringLiteral("rtu"));
        s.host = r.string(u"host", ConfigReader::Required).value_or(QString());
        if (const ConfigNode *n = node.member(u"host"); n && s.host.trimmed().isEmpty())
            r.error(*n, QStringLiteral("'host' must not be empty"));
        s.port = int(r.integer(u"port", 1, 65535).value_or(502));
        s.tcpNoDelay = r.boolean(u"tcp_nodelay").value_or(true);
    }

    s.unit = int(r.integer(u"unit", s.isRtu() ? 1 : 0, s.isRtu() ? 247 : 255).value_or(1));
    s.responseTimeoutMs = r.durationMs(u"response_timeout", 10, 60'000).value_or(1000);
    s.byteTimeoutMs = r.durationMs(u"byte_timeout", 0, 10'000).value_or(s.isRtu() ? 50 : 0);
    s.retries = int(r.integer(u"retries", 0, 10).value_or(2));
    // RTU default: 3.5 characters of 11 bits, at least 2 ms (the spec's 1.75 ms, rounded up).
    const qint64 silence = s.isRtu() ? std::max<qint64>(2, (38'500 + s.baud - 1) / s.baud) : 0;
    s.interFrameDelayMs = r.durationMs(u"inter_frame_delay", 0, 1000).value_or(silence);
    s.scanMs = r.durationMs(u"scan", 10, 86'400'000).value_or(1000);
    s.maxRegisters = int(r.integer(u"max_registers", 1, 125).value_or(125));
    s.maxBits = int(r.integer(u"max_bits", 1, 2000).value_or(2000));
    s.maxGap = int(r.integer(u"max_gap", 0, 124).value_or(16));
    s.maxBitGap = int(r.integer(u"max_bit_gap", 0, 1999).value_or(256));
    s.readUnmapped = r.boolean(u"read_unmapped").value_or(true);
    if (const std::optional<QString> order = r.choice(u"byte_order", ModbusCodec::orderNames()))
        s.order = *ModbusCodec::parseOrder(*order);
    s.singleWrite = r.boolean(u"single_write").value_or(true);
    s.reconnectMinMs = r.durationMs(u"reconnect_min", 1, 60'000).value_or(500);
    s.reconnectMaxMs = r.durationMs(u"reconnect_max", 1, 600'000).value_or(30'000);
    if (s.reconnectMaxMs < s.reconnectMinMs) {
        const ConfigNode *at = node.member(u"reconnect_max");
        r.error(at ? *at : *node.member(u"reconnect_min"),
                QStringLiteral("'reconnect_max' must not be below 'reconnect_min'"));
        s.reconnectMaxMs = s.reconnectMinMs;
    }
    return s;
}

} // namespace vigil
