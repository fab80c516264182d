// bench_modbus: a libmodbus TCP server on loopback holding 10,000 tags spread over 20 devices
// (20 connections, 500 tags each: uint16, float32, float64 and coils in contiguous ranges).
// Prints (a) read requests per cycle against the optimum (sum over contiguous ranges of
// ceil(span / limit)), (b) the full poll-cycle time of all 20 devices, (c) requests/s through the
// driver against a raw libmodbus read loop over the same blocks with the same 20 threads, as a
// ratio. Targets: requests <= 1.05 x optimum, a 10,000-tag cycle <= 10 ms, ratio >= 0.8.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "devicehost.h"
#include "driverregistry.h"
#include "metatypes.h"
#include "modbus/modbusdriver.h"
#include "util/systemclock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <modbus.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace vigil;

namespace
{

constexpr int kDevices = 20;
constexpr int kCycles = 200;        // measured full cycles for (b)
constexpr int kThroughputMs = 2000; // per run for (c)

struct Range {
    const char *prefix;
    const char *type;
    int start;
    int count; // tags
    int width; // registers (or bits) per tag
};
// 500 tags per device; each range is contiguous, ranges are far apart (no bridging possible).
constexpr Range kRanges[] = {
    {"hr", "uint16", 0, 230, 1},
    {"hr", "float32", 1000, 160, 2},
    {"ir", "float64", 0, 60, 4},
    {"co", "bool", 0, 50, 1},
};

int optimumPerDevice()
{
    int n = 0;
    for (const Range &r : kRanges) {
        const int span = r.count * r.width;
        const int limit = std::string_view(r.prefix) == "co" ? 2000 : 125;
        n += (span + limit - 1) / limit;
    }
    return n;
}

// A libmodbus server: one thread per connection, sharing one register map.
class Server
{
public:
    Server()
    {
        m_map = modbus_mapping_new(4000, 0, 4000, 4000);
        for (int i = 0; i < 4000; ++i) {
            m_map->tab_registers[i] = uint16_t(i * 7);
            m_map->tab_input_registers[i] = uint16_t(i * 13);
            m_map->tab_bits[i] = uint8_t(i % 3 == 0);
        }
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int yes = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::listen(m_listen, 64);
        socklen_t len = sizeof a;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        m_accept = std::thread([this] { acceptLoop(); });
    }
    ~Server()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_accept.join();
        for (int fd : m_fds)
            ::shutdown(fd, SHUT_RDWR);
        for (std::thread &t : m_workers)
            t.join();
        modbus_mapping_free(m_map);
    }
    int port() const { return m_port; }

private:
    void acceptLoop()
    {
        while (!m_stop) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                return;
            m_fds.push_back(fd);
            m_workers.emplace_back([this, fd] { serve(fd); });
        }
    }
    void serve(int fd)
    {
        modbus_t *ctx = modbus_new_tcp("127.0.0.1", m_port);
        modbus_set_socket(ctx, fd);
        uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH];
        while (!m_stop) {
            const int rc = modbus_receive(ctx, query);
            if (rc > 0)
                modbus_reply(ctx, query, rc, m_map);
            else if (rc == -1)
                break;
        }
        modbus_close(ctx);
        modbus_free(ctx);
    }

    modbus_mapping_t *m_map = nullptr;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_accept;
    std::vector<std::thread> m_workers;
    std::vector<int> m_fds;
};

QString writePlant(const QTemporaryDir &dir, int port)
{
    QString toml = QStringLiteral("[plant]\nname = \"bench\"\n");
    for (int d = 0; d < kDevices; ++d) {
        toml += QStringLiteral("[[devices]]\nid = \"dev%1\"\ndriver = \"modbus\"\ntransport = "
                               "\"tcp\"\nhost = \"127.0.0.1\"\nport = %2\nunit = %3\nscan = "
                               "\"1h\"\nresponse_timeout = \"1s\"\n")
                    .arg(d)
                    .arg(port)
                    .arg(d + 1);
    }
    for (int d = 0; d < kDevices; ++d) {
        const QString csv = QStringLiteral("dev%1.csv").arg(d);
        toml +=
            QStringLiteral("[[tag_lists]]\nfile = \"%1\"\ndevice = \"dev%2\"\n").arg(csv).arg(d);
        QFile f(dir.filePath(csv));
        f.open(QIODevice::WriteOnly);
        f.write("id,address,type,unit,range_lo,range_hi\n");
        int n = 0;
        for (const Range &r : kRanges) {
            for (int i = 0; i < r.count; ++i) {
                const bool isBool = std::string_view(r.type) == "bool";
                f.write(QStringLiteral("D%1T%2,%3%4,%5,%6,%7,%8\n")
                            .arg(d)
                            .arg(n++)
                            .arg(QLatin1String(r.prefix))
                            .arg(r.start + i * r.width)
                            .arg(QLatin1String(r.type))
                            .arg(isBool ? QString() : QStringLiteral("-"))
                            .arg(isBool ? QString() : QStringLiteral("0"))
                            .arg(isBool ? QString() : QStringLiteral("100000"))
                            .toUtf8());
            }
        }
    }
    const QString path = dir.filePath(QStringLiteral("plant.toml"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(toml.toUtf8());
    return path;
}

// Raw baseline: the same blocks read back to back by 20 threads, one libmodbus context each.
double rawRequestsPerSecond(int port, const std::vector<ModbusDriver *> &drivers)
{
    std::atomic<bool> stop{false};
    std::atomic<quint64> total{0};
    std::vector<std::thread> threads;
    for (ModbusDriver *d : drivers) {
        threads.emplace_back([&, d] {
            modbus_t *ctx = modbus_new_tcp("127.0.0.1", port);
            modbus_connect(ctx);
            modbus_set_slave(ctx, d->settings().unit);
            std::vector<uint16_t> regs(125);
            std::vector<uint8_t> bits(2000);
            quint64 n = 0;
            while (!stop) {
                for (const ModbusBlock &b : d->blocks()) {
                    int rc = 0;
                    switch (b.area) {
                    case ModbusAddress::Area::Coil:
                        rc = modbus_read_bits(ctx, b.start, b.count, bits.data());
                        break;
                    case ModbusAddress::Area::DiscreteInput:
                        rc = modbus_read_input_bits(ctx, b.start, b.count, bits.data());
                        break;
                    case ModbusAddress::Area::InputRegister:
                        rc = modbus_read_input_registers(ctx, b.start, b.count, regs.data());
                        break;
                    case ModbusAddress::Area::HoldingRegister:
                        rc = modbus_read_registers(ctx, b.start, b.count, regs.data());
                        break;
                    }
                    n += rc > 0 ? 1 : 0;
                }
            }
            total += n;
            modbus_close(ctx);
            modbus_free(ctx);
        });
    }
    QElapsedTimer t;
    t.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(kThroughputMs));
    stop = true;
    for (std::thread &th : threads)
        th.join();
    return double(total) / (double(t.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false"));
    registerCoreMetaTypes();
    qRegisterMetaType<DriverStatus>();
    Server server;
    QTemporaryDir dir;
    DriverRegistry registry;
    registerBuiltinDrivers(registry);
    const PlantLoader::Result loaded = PlantLoader(registry).load(writePlant(dir, server.port()));
    if (!loaded.plant) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.diagnostics.toStringList().join('\n')));
        return 1;
    }
    SystemClock clock;
    DeviceHost host(registry, *loaded.plant, clock);
    std::vector<ModbusDriver *> drivers;
    std::atomic<int> done{0};
    std::atomic<quint64> samples{0};
    std::atomic<bool> loop{false};
    for (Driver *d : host.drivers()) {
        auto *m = qobject_cast<ModbusDriver *>(d);
        drivers.push_back(m);
        QObject::connect(
            m, &ModbusDriver::cycleCompleted, m,
            [&, m](qint64, double) {
                ++done;
                if (loop)
                    m->pollNow();
            },
            Qt::DirectConnection);
        QObject::connect(
            m, &Driver::samplesReady, m,
            [&](const SampleBatch &b) { samples += quint64(b.size()); }, Qt::DirectConnection);
    }

    // (a) requests per cycle against the optimum.
    int requests = 0;
    for (ModbusDriver *d : drivers)
        requests += int(d->blocks().size());
    const int optimum = optimumPerDevice() * kDevices;
    std::printf("tags: %u\n", loaded.plant->tags->size());
    std::printf("requests_per_cycle: %d\n", requests);
    std::printf("optimum_requests_per_cycle: %d\n", optimum);
    std::printf("requests_vs_optimum: %.3f\n", double(requests) / optimum);

    // The raw baseline runs before and after the driver; the better of the two is the reference.
    const double rawBefore = rawRequestsPerSecond(server.port(), drivers);

    // Connect (each driver polls once on connect).
    host.startAll();
    QElapsedTimer wait;
    wait.start();
    while (done < kDevices && wait.elapsed() < 10'000)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (done < kDevices) {
        std::fprintf(stderr, "bench_modbus: drivers did not complete their first cycle\n");
        return 1;
    }

    // (b) full poll-cycle time: all 20 devices polled at once, until the last one is done.
    std::vector<double> cycleMs;
    for (int c = 0; c < kCycles; ++c) {
        done = 0;
        const quint64 before = samples;
        QElapsedTimer t;
        t.start();
        for (ModbusDriver *d : drivers)
            d->pollNow();
        while (done < kDevices)
            std::this_thread::yield();
        cycleMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (samples - before < loaded.plant->tags->size())
            std::fprintf(stderr, "bench_modbus: cycle %d delivered too few samples\n", c);
    }
    std::sort(cycleMs.begin(), cycleMs.end());
    std::printf("cycle_ms_median: %.2f\n", cycleMs[cycleMs.size() / 2]);
    std::printf("cycle_ms_p95: %.2f\n", cycleMs[cycleMs.size() * 95 / 100]);

    // (c) requests/s through the driver (cycles back to back) vs the raw libmodbus loop.
    auto totalRequests = [&] {
        quint64 n = 0;
        for (ModbusDriver *d : drivers)
            n += d->statistics().responses;
        return n;
    };
    loop = true;
    const quint64 r0 = totalRequests();
    QElapsedTimer t;
    t.start();
    for (ModbusDriver *d : drivers)
        d->pollNow();
    std::this_thread::sleep_for(std::chrono::milliseconds(kThroughputMs));
    const double driverRate = double(totalRequests() - r0) / (double(t.nsecsElapsed()) / 1e9);
    loop = false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    host.stopAll();
    const double rawAfter = rawRequestsPerSecond(server.port(), drivers);
    const double rawRate = std::max(rawBefore, rawAfter);
    std::printf("driver_requests_per_s: %.0f\n", driverRate);
    std::printf("raw_libmodbus_requests_per_s: %.0f\n", rawRate); // the better of the two runs
    std::printf("raw_libmodbus_runs_before_after: %.0f %.0f\n", rawBefore, rawAfter);
    std::printf("driver_vs_raw_ratio: %.3f\n", driverRate / rawRate);
    return 0;
}
