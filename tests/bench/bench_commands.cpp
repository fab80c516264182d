// bench_commands: command round trips against vigil-sim over Modbus TCP on loopback. The command
// service selects and operates a setpoint (P101.SPD, holding register 2) that reads back from
// itself; a round trip runs from select to the status "succeeded", which needs the write, the
// next poll of the register and the change set through the TagTable. 200 commands alternate
// between two values. Target: p99 <= scan period + 50 ms.

#include "commandrig.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace vigil;
using namespace vigil::testing;

namespace
{

constexpr int kCommands = 200;
constexpr int kScanMs = 100;

QString plant(int port)
{
    return QStringLiteral(R"([plant]
name = "Command bench"

[commands]
max_per_minute = 10000

[[devices]]
id = "unit1"
driver = "modbus"
transport = "tcp"
host = "127.0.0.1"
port = %1
scan = "%2ms"

[[tags]]
id = "P101.SPD"
device = "unit1"
address = "hr2"
type = "uint16"
unit = "%"
range = [0, 100]
writable = true
write_limits = [0, 100]
)")
        .arg(port)
        .arg(kScanMs);
}

double percentile(std::vector<double> sorted, double p)
{
    std::sort(sorted.begin(), sorted.end());
    const size_t index =
        size_t(std::clamp(p * double(sorted.size()) - 1.0, 0.0, double(sorted.size() - 1)));
    return sorted[index];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false"));

    Peer sim;
    if (!sim.start(QCoreApplication::applicationDirPath() + QStringLiteral("/vigil-sim"),
                   {QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0")},
                   QStringLiteral("ready"))) {
        std::fprintf(stderr, "%s\n", qPrintable(sim.error()));
        return 1;
    }
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("modbus tcp on 127.0.0.1:(\\d+)")).match(sim.output());
    if (!m.hasMatch()) {
        std::fprintf(stderr, "no port in: %s\n", qPrintable(sim.output()));
        return 1;
    }

    CommandRig rig;
    if (!rig.load(plant(m.captured(1).toInt()))) {
        std::fprintf(stderr, "%s\n", qPrintable(rig.diagnostics()));
        return 1;
    }
    rig.start();
    if (!QTest::qWaitFor([&] { return rig.good(QStringLiteral("P101.SPD")); }, 10'000)) {
        std::fprintf(stderr, "P101.SPD never became good\n");
        return 1;
    }

    std::vector<double> roundTrips;
    int failed = 0;
    for (int i = 0; i < kCommands; ++i) {
        const double target = i % 2 == 0 ? 40.0 : 60.0;
        QElapsedTimer t;
        t.start();
        const CommandStatus s = rig.command(QStringLiteral("P101.SPD"), target, 5000);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        // Confirmed by the register read back after the write, never by the value before it.
        const QList<CommandStatus> steps = rig.statuses(s.id);
        const bool verified =
            steps.size() == 4 && steps[2].state == CommandStatus::State::Verifying;
        if (s.state != CommandStatus::State::Succeeded || !verified ||
            rig.value(QStringLiteral("P101.SPD")) != target) {
            ++failed;
            std::fprintf(stderr, "command %d: %s\n", i, qPrintable(s.message));
            continue;
        }
        roundTrips.push_back(ms);
    }
    rig.stop();
    if (roundTrips.empty())
        return 1;

    std::printf("commands: %d (failed %d)\n", kCommands, failed);
    std::printf("scan_period_ms: %d\n", kScanMs);
    std::printf("command_roundtrip_p50_ms: %.1f\n", percentile(roundTrips, 0.50));
    std::printf("command_roundtrip_p99_ms: %.1f\n", percentile(roundTrips, 0.99));
    return failed == 0 ? 0 : 1;
}
