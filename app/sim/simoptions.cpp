#include "simoptions.h"

#include "operatorroutine.h"

namespace vigil::sim
{

QString SimOptions::helpText()
{
    return QStringLiteral(
        "Usage: vigil-sim [--tcp HOST:PORT] [--rtu DEVICE] [--mqtt HOST:PORT] [--serial DEVICE]\n"
        "                 [options]\n"
        "Simulates the demo unit (tank, inlet valve, pump, heater) and serves it over Modbus,\n"
        "with the tank's weigh scale on a serial line.\n"
        "  --tcp HOST:PORT        Modbus TCP server (port 0: a free port, printed on stdout)\n"
        "  --max-connections N    Modbus TCP clients served at once (default 1024); a client\n"
        "                         beyond them is closed at once, with a line on stderr\n"
        "  --rtu DEVICE           Modbus RTU slave on a serial device (e.g. a socat pty)\n"
        "  --baud N               RTU baud rate (default 19200)\n"
        "  --parity none|even|odd RTU parity (default even)\n"
        "  --unit N               RTU unit id (default 1; TCP answers every unit id)\n"
        "  --serial DEVICE        weigh scale WI-101 (ASCII: ST,GS,+0006950.0kg) on a serial\n"
        "                         device (e.g. one end of a socat pty pair), reopened when lost\n"
        "  --scale-period MS      scale stream period (default 250; 0: only on the print command)\n"
        "  --speed X              simulated seconds per real second (default 1)\n"
        "  --seed N               noise seed (default 1)\n"
        "  --exit-after SECONDS   quit after this long\n"
        "  --mqtt HOST:PORT       publish the unit over MQTT (JSON on TOPIC/state, retained)\n"
        "                         and take commands on TOPIC/cmd/<name>: valve_open,\n"
        "                         pump_run, heater_on, temperature_sp, pump_speed\n"
        "  --mqtt-topic TOPIC     base topic (default riverside/unit1)\n"
        "  --mqtt-period MS       state publishing period (default 500)\n"
        "  --routine MINUTE       the operator's shift routine (setpoint and speed changes, the\n"
        "                         pump stopped so that the tank passes its high level, the\n"
        "                         inlet closed, the heater off), from this minute of its\n"
        "                         two-hour cycle (0..119; 52: the pump stops 3 minutes in);\n"
        "                         its commands replace the unit's at each step of the routine;\n"
        "                         the unit starts as the routine has left it at that minute\n"
        "Fault injection (also at run time through holding registers 9000..9004):\n"
        "  --delay MS             delay every response            (hr9000)\n"
        "  --exception CODE       answer with exception CODE      (hr9001)\n"
        "                         (write 1 to hr9002 to drop every connection now)\n"
        "  --corrupt-every N      break the CRC of every Nth RTU response (hr9003)\n"
        "  --drop-every N         drop the link instead of answering every Nth request (hr9004)\n"
        "  --scale-garbage-every N  a line of noise bytes before every Nth scale record "
        "(hr9005)\n"
        "History backfill (writes and exits; refused if the database holds later history):\n"
        "  --backfill-history URL_OR_PATH  write demo plant history ending now into this\n"
        "                         history database (sqlite:PATH, postgresql://..., or a file)\n"
        "  --hours N              hours of history to write (more than 0, at most 744)\n"
        "  --journal URL_OR_PATH  also write the alarms of those hours into this alarm\n"
        "                         journal (journal.db), acknowledged by a simulated operator\n"
        "  --config PLANT         plant file (default: VIGIL_CONFIG, else the demo plant)\n");
}

bool SimOptions::parse(const QStringList &arguments, QString *error, bool *help)
{
    *help = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"--help" || arg == u"-h") {
            *help = true;
            return true;
        }
        if (i + 1 >= arguments.size()) {
            *error = QStringLiteral("unknown option or missing value: %1").arg(arg);
            return false;
        }
        const QString value = arguments.at(++i);
        bool ok = true;
        auto number = [&](int min, int max) {
            const int v = value.toInt(&ok);
            ok = ok && v >= min && v <= max;
            return v;
        };
        if (arg == u"--tcp") {
            const qsizetype colon = value.lastIndexOf(u':');
            tcpHost = value.left(colon);
            tcpPort = value.mid(colon + 1).toInt(&ok);
            ok = ok && colon > 0 && tcpPort >= 0 && tcpPort <= 65535;
        } else if (arg == u"--max-connections") {
            maxConnections = number(1, 1'000'000);
        } else if (arg == u"--mqtt") {
            const qsizetype colon = value.lastIndexOf(u':');
            mqttHost = value.left(colon);
            mqttPort = value.mid(colon + 1).toInt(&ok);
            ok = ok && colon > 0 && mqttPort > 0 && mqttPort <= 65535;
        } else if (arg == u"--mqtt-topic") {
            mqttTopic = value;
            ok = !value.isEmpty() && !value.contains(u'+') && !value.contains(u'#');
        } else if (arg == u"--mqtt-period") {
            mqttPeriodMs = number(10, 60'000);
        } else if (arg == u"--rtu") {
            rtuDevice = value;
        } else if (arg == u"--baud") {
            baud = number(300, 4'000'000);
        } else if (arg == u"--parity") {
            ok = value == u"none" || value == u"even" || value == u"odd";
            parity = value == u"none" ? 'N' : value == u"odd" ? 'O' : 'E';
        } else if (arg == u"--unit") {
            unit = number(1, 247);
        } else if (arg == u"--speed") {
            speed = value.toDouble(&ok);
            ok = ok && speed > 0 && speed <= 1000;
        } else if (arg == u"--routine") {
            routineMinute = number(0, int(OperatorRoutine::kCycleMs / 60'000) - 1);
        } else if (arg == u"--seed") {
            seed = value.toULongLong(&ok);
        } else if (arg == u"--exit-after") {
            exitAfterS = value.toDouble(&ok);
        } else if (arg == u"--delay") {
            delayMs = number(0, 60'000);
        } else if (arg == u"--exception") {
            exceptionCode = number(0, 255);
        } else if (arg == u"--drop-every") {
            dropEvery = number(0, 65535);
        } else if (arg == u"--corrupt-every") {
            corruptEvery = number(0, 65535);
        } else if (arg == u"--serial") {
            scaleDevice = value;
            ok = !value.isEmpty();
        } else if (arg == u"--scale-period") {
            scalePeriodMs = number(0, 60'000);
        } else if (arg == u"--scale-garbage-every") {
            scaleGarbageEvery = number(0, 65535);
        } else if (arg == u"--backfill-history") {
            backfillTarget = value;
            ok = !value.trimmed().isEmpty();
        } else if (arg == u"--hours") {
            backfillHours = value.toDouble(&ok);
            if (ok && !(backfillHours > 0 && backfillHours <= kMaxBackfillHours)) {
                *error = QStringLiteral("--hours must be more than 0 and at most %1, not %2")
                             .arg(kMaxBackfillHours)
                             .arg(value);
                return false;
            }
        } else if (arg == u"--journal") {
            journalTarget = value;
            ok = !value.trimmed().isEmpty();
        } else if (arg == u"--config") {
            configPath = value;
            ok = !value.trimmed().isEmpty();
        } else {
            *error = QStringLiteral("unknown option: %1").arg(arg);
            return false;
        }
        if (!ok) {
            *error = QStringLiteral("bad value for %1: %2").arg(arg, value);
            return false;
        }
    }
    if (!backfillTarget.isEmpty() || backfillHours > 0 || !configPath.isEmpty() ||
        !journalTarget.isEmpty()) {
        if (backfillTarget.isEmpty()) {
            *error = QStringLiteral("--hours, --journal and --config go with --backfill-history");
            return false;
        }
        if (backfillHours <= 0) {
            *error = QStringLiteral("--backfill-history needs --hours N");
            return false;
        }
        if (tcpPort >= 0 || !rtuDevice.isEmpty() || mqttPort >= 0 || !scaleDevice.isEmpty()) {
            *error = QStringLiteral("--backfill-history writes history and exits: it serves no "
                                    "--tcp, --rtu, --mqtt or --serial");
            return false;
        }
        return true;
    }
    if (tcpPort < 0 && rtuDevice.isEmpty() && mqttPort < 0 && scaleDevice.isEmpty()) {
        *error =
            QStringLiteral("give --tcp HOST:PORT, --rtu DEVICE, --mqtt HOST:PORT and/or --serial "
                           "DEVICE (or --backfill-history URL_OR_PATH --hours N)");
        return false;
    }
    return true;
}

} // namespace vigil::sim
