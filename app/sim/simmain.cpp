// vigil-sim: the demo plant simulator. The physics (PlantModel) runs on the main thread's timer;
// each protocol front-end serves it from its own thread (the MQTT one from the main thread's
// event loop): Modbus TCP/RTU, MQTT, and the tank's weigh scale on a serial line (ASCII).
// Further front-ends sit beside them and read the same PlantModel.

#include "backfillcommand.h"
#include "faultswitches.h"
#include "modbusfrontend.h"
#include "modbusimage.h"
#include "modbusrtuserver.h"
#include "modbustcpserver.h"
#include "mqttsimfrontend.h"
#include "operatorroutine.h"
#include "plantmodel.h"
#include "scaleserialserver.h"
#include "simoptions.h"
#include "weighscale.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <csignal>
#include <memory>
#include <optional>

using namespace vigil::sim;

namespace
{

volatile std::sig_atomic_t g_quit = 0;

void onSignal(int)
{
    g_quit = 1;
}

// Descriptors kept for everything but Modbus TCP clients (listening sockets, serial devices,
// MQTT, the spare one the TCP server keeps for refusing clients when out of descriptors).
constexpr rlim_t kReservedFds = 64;

// Raises the soft limit on open files to the hard one, so --max-connections can go beyond the
// usual 1024; returns how many TCP clients the limit leaves room for.
int tcpClientRoom()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    if (limit.rlim_cur == RLIM_INFINITY)
        return 1'000'000;
    return int(std::min<rlim_t>(1'000'000,
                                limit.rlim_cur > kReservedFds ? limit.rlim_cur - kReservedFds : 1));
}

// --max-connections, lowered (with a warning) to what the open-file limit allows.
int maxTcpConnections(const SimOptions &options, QTextStream &err)
{
    const int room = tcpClientRoom();
    if (options.maxConnections <= room)
        return options.maxConnections;
    err << "vigil-sim: --max-connections " << options.maxConnections << " lowered to " << room
        << ": the open-file limit (ulimit -n) allows no more" << Qt::endl;
    return room;
}

// --routine: the routine's commands whenever they change, so that what an operator commands
// through Vigil in between stands until the routine's next step.
void followRoutine(PlantModel &model, const SimOptions &options, qint64 simulatedMs,
                   std::optional<PlantCommands> &last)
{
    const PlantCommands now =
        OperatorRoutine::commandsAt(simulatedMs + qint64(options.routineMinute) * 60'000);
    if (last && *last == now)
        return;
    last = now;
    model.setCommands(now);
}

// --routine: the unit is served as the routine has left it at its start minute (levels,
// temperatures, valve travel), not from the cold start of the model: the physics of the minutes
// before run first, at the physics step of the backfill.
void warmStart(PlantModel &model, const SimOptions &options, std::optional<PlantCommands> &last)
{
    constexpr qint64 kStepMs = 50;
    const qint64 start = qint64(options.routineMinute) * 60'000;
    for (qint64 t = 0; t < start; t += kStepMs) {
        const PlantCommands now = OperatorRoutine::commandsAt(t);
        if (!last || !(*last == now))
            model.setCommands(now);
        last = now;
        model.step(double(kStepMs) / 1000.0);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    SimOptions options;
    QString error;
    bool help = false;
    if (!options.parse(app.arguments(), &error, &help)) {
        err << "vigil-sim: " << error << "\n\n" << SimOptions::helpText() << Qt::flush;
        return 2;
    }
    if (help) {
        out << SimOptions::helpText() << Qt::flush;
        return 0;
    }
    if (!options.backfillTarget.isEmpty())
        return BackfillCommand::run(options, out, err);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGPIPE, SIG_IGN);

    PlantModel model(options.seed);
    std::optional<PlantCommands> routineCommands;
    if (options.routineMinute >= 0)
        warmStart(model, options, routineCommands);
    FaultSwitches faults;
    faults.delayMs = options.delayMs;
    faults.exceptionCode = options.exceptionCode;
    faults.dropEvery = options.dropEvery;
    faults.corruptEvery = options.corruptEvery;
    faults.scaleGarbageEvery = options.scaleGarbageEvery;
    ModbusImage image(model, faults);
    ModbusFrontend frontend(image, faults);

    ModbusTcpServer tcp(frontend, faults);
    if (options.tcpPort >= 0) {
        const int maxConnections = maxTcpConnections(options, err);
        if (!tcp.start(options.tcpHost, options.tcpPort, maxConnections, &error)) {
            err << "vigil-sim: " << error << Qt::endl;
            return 1;
        }
        out << "vigil-sim: modbus tcp on " << options.tcpHost << ":" << tcp.port() << " (at most "
            << maxConnections << " clients)" << Qt::endl;
    }
    ModbusRtuServer rtu(frontend);
    if (!options.rtuDevice.isEmpty()) {
        rtu.start(options.rtuDevice, options.baud, options.parity, options.unit);
        out << "vigil-sim: modbus rtu unit " << options.unit << " on " << options.rtuDevice
            << Qt::endl;
    }
    std::unique_ptr<MqttSimFrontend> mqtt;
    if (options.mqttPort > 0) {
        mqtt = std::make_unique<MqttSimFrontend>(model, options.mqttHost, options.mqttPort,
                                                 options.mqttTopic, options.mqttPeriodMs);
        mqtt->start();
        out << "vigil-sim: mqtt to " << options.mqttHost << ":" << options.mqttPort << ", topic "
            << options.mqttTopic << "/state" << Qt::endl;
    }
    WeighScale scale(model, options.seed);
    ScaleSerialServer scaleServer(scale, faults);
    if (!options.scaleDevice.isEmpty()) {
        scaleServer.start(options.scaleDevice, options.scalePeriodMs);
        out << "vigil-sim: weigh scale on " << options.scaleDevice << Qt::endl;
    }
    out << "vigil-sim: ready" << Qt::endl;

    QElapsedTimer wall;
    wall.start();
    qint64 lastNs = 0;
    QTimer physics;
    QObject::connect(&physics, &QTimer::timeout, [&] {
        const qint64 now = wall.nsecsElapsed();
        if (options.routineMinute >= 0)
            followRoutine(model, options, qint64(double(now) / 1e6 * options.speed),
                          routineCommands);
        model.step(double(now - lastNs) / 1e9 * options.speed);
        lastNs = now;
        if (g_quit || (options.exitAfterS > 0 && now / 1e9 > options.exitAfterS))
            app.quit();
    });
    physics.start(50);
    const int code = app.exec();
    tcp.stop();
    rtu.stop();
    if (mqtt)
        mqtt->stop();
    scaleServer.stop();
    out << "vigil-sim: stopped after " << frontend.requests() << " requests and "
        << scaleServer.commands() << " scale commands" << Qt::endl;
    return code;
}
