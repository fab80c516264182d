// bench_mqtt: a publisher floods QoS 0 messages over 1,000 topics through a mosquitto broker on
// loopback, first with 16-byte plain payloads, then with small JSON documents. For each, the
// messages per second received by a raw libmosquitto subscriber and by the Vigil mqtt driver
// (turned into tag samples, one tag per topic) are measured in the same run, one after the
// other, and their ratio printed. Targets: >= 100,000 msg/s into tags, ratio >= 0.7.
//
// The publisher writes pre-encoded MQTT 3.1.1 PUBLISH packets in large chunks on a plain TCP
// socket, so that it costs next to nothing and the broker and the subscriber are what is
// measured (libmosquitto's own publish makes one send() per message). The raw subscriber reads
// the way MqttClient does (poll, then mosquitto_loop_read until the socket is drained), so the
// ratio is the cost of Vigil's layer: event loop, topic index, decoding, sample batches.
// Because the single-threaded broker shares the 2 cores with both, the end-to-end rates are
// bounded by the broker; the CPU time of the receiving thread per message (its capacity on one
// core) and the broker's CPU per message are printed as well, to show what limits the figures.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "devicehost.h"
#include "driverregistry.h"
#include "metatypes.h"
#include "mosquittobroker.h"
#include "util/systemclock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <mosquitto.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

using namespace vigil;
using SteadyClock = std::chrono::steady_clock;

namespace
{

constexpr int kTopics = 1000;
constexpr long kMessages = 200'000; // per measurement
constexpr int kRounds = 5;          // raw and Vigil alternate; the median of each is reported

QByteArray payloadFor(bool json, int i)
{
    if (!json)
        return QByteArray::number(1000.0 + i * 0.001, 'f', 3).rightJustified(16, '0'); // 16 bytes
    return QByteArray(R"({"v":)") + QByteArray::number(20.0 + i * 0.01, 'f', 2) +
           R"(,"ts":1700000000000})";
}

QByteArray topicFor(int i)
{
    return QByteArray("bench/t") + QByteArray::number(i).rightJustified(4, '0');
}

void putLength(std::string &out, size_t n)
{
    do {
        unsigned char c = n % 128;
        n /= 128;
        if (n)
            c |= 128;
        out.push_back(char(c));
    } while (n);
}

// Connects as a bare MQTT 3.1.1 client and writes kMessages PUBLISH packets (QoS 0).
bool flood(quint16 port, bool json, long count)
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(s, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
        return false;
    const std::string id = "bench-publisher";
    std::string body("\0\4MQTT\4\2\0\x3c", 10);
    body.push_back(0);
    body.push_back(char(id.size()));
    body += id;
    std::string connect(1, '\x10');
    putLength(connect, body.size());
    connect += body;
    if (::write(s, connect.data(), connect.size()) != ssize_t(connect.size()))
        return false;
    char connack[4];
    if (::read(s, connack, 4) != 4 || connack[3] != 0)
        return false;

    std::string round; // one message per topic
    for (int i = 0; i < kTopics; ++i) {
        const QByteArray t = topicFor(i);
        const QByteArray p = payloadFor(json, i);
        round.push_back('\x30');
        putLength(round, 2 + size_t(t.size()) + size_t(p.size()));
        round.push_back(char(t.size() >> 8));
        round.push_back(char(t.size() & 0xff));
        round.append(t.constData(), size_t(t.size()));
        round.append(p.constData(), size_t(p.size()));
    }
    for (long sent = 0; sent < count; sent += kTopics) {
        size_t off = 0;
        while (off < round.size()) {
            const ssize_t w = ::write(s, round.data() + off, round.size() - off);
            if (w <= 0)
                return false;
            off += size_t(w);
        }
    }
    ::shutdown(s, SHUT_WR);
    ::close(s);
    return true;
}

// Sleeps (no busy waiting: the main thread must not compete with the broker and the subscriber)
// and then handles what was posted to this thread meanwhile.
void pause(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    QCoreApplication::processEvents();
}

struct Counter {
    std::atomic<long> count{0};
    std::atomic<long long> firstNs{0};
    std::atomic<long long> lastNs{0};
    void add(long n)
    {
        const long long now = SteadyClock::now().time_since_epoch().count();
        if (count.fetch_add(n) == 0)
            firstNs = now;
        lastNs = now;
    }
    void reset()
    {
        count = 0;
        firstNs = lastNs = 0;
    }
};

// CPU time of one thread (the receiving one), seconds.
double threadCpuSeconds(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// CPU time of a process (the broker), seconds, from /proc (10 ms resolution).
double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based).
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) /
           double(sysconf(_SC_CLK_TCK));
}

struct Measurement {
    double messagesPerSecond = 0;
    double receiverCpuS = 0; // CPU of the receiving thread during the flood
    double brokerCpuS = 0;
    long received = 0;
};

// Floods and waits until the counter stops moving.
Measurement measure(quint16 port, bool json, Counter &counter, clockid_t receiver, qint64 brokerPid,
                    long *lost)
{
    counter.reset();
    const double receiverBefore = threadCpuSeconds(receiver);
    const double brokerBefore = processCpuSeconds(brokerPid);
    std::thread publisher([&] { flood(port, json, kMessages); });
    long seen = -1;
    while (true) {
        QElapsedTimer idle;
        idle.start();
        while (idle.elapsed() < 1000 && counter.count.load() == seen)
            pause(20);
        if (counter.count.load() == seen || counter.count.load() >= kMessages)
            break;
        seen = counter.count.load();
    }
    publisher.join();
    Measurement m;
    m.receiverCpuS = threadCpuSeconds(receiver) - receiverBefore;
    m.brokerCpuS = processCpuSeconds(brokerPid) - brokerBefore;
    m.received = counter.count.load();
    *lost = kMessages - m.received;
    const double seconds = double(counter.lastNs - counter.firstNs) / 1e9;
    m.messagesPerSecond = seconds > 0 ? double(m.received) / seconds : 0;
    return m;
}

// A plain libmosquitto subscriber on its own thread.
class RawSubscriber
{
public:
    RawSubscriber(quint16 port, Counter &counter)
        : m_counter(counter)
    {
        m_mosq = mosquitto_new("bench-raw", true, this);
        mosquitto_message_callback_set(m_mosq,
                                       [](mosquitto *, void *self, const mosquitto_message *) {
                                           static_cast<RawSubscriber *>(self)->m_counter.add(1);
                                       });
        mosquitto_connect(m_mosq, "127.0.0.1", port, 30);
        mosquitto_subscribe(m_mosq, nullptr, "bench/#", 0);
        m_thread = std::thread([this] { run(); });
    }
    ~RawSubscriber()
    {
        m_stop = true;
        m_thread.join();
        mosquitto_destroy(m_mosq);
    }
    clockid_t cpuClock()
    {
        clockid_t c{};
        pthread_getcpuclockid(m_thread.native_handle(), &c);
        return c;
    }

private:
    void run()
    {
        while (!m_stop) {
            pollfd p{mosquitto_socket(m_mosq), POLLIN, 0};
            if (mosquitto_want_write(m_mosq))
                p.events |= POLLOUT;
            if (::poll(&p, 1, 100) > 0) {
                if (p.revents & POLLOUT)
                    mosquitto_loop_write(m_mosq, 1);
                if (p.revents & POLLIN) {
                    for (int i = 0; i < 2048; ++i) {
                        errno = 0;
                        if (mosquitto_loop_read(m_mosq, 1) != MOSQ_ERR_SUCCESS || errno == EAGAIN)
                            break;
                    }
                }
            }
            mosquitto_loop_misc(m_mosq);
        }
    }

    Counter &m_counter;
    mosquitto *m_mosq = nullptr;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
};

QString plantToml(quint16 port, bool json)
{
    QString toml = QStringLiteral("[plant]\nname = \"bench\"\n\n[[devices]]\nid = \"bench\"\n"
                                  "driver = \"mqtt\"\nbroker = \"mqtt://127.0.0.1:%1\"\n"
                                  "subscriptions = [{ topic = \"bench/#\", qos = 0 }]\n")
                       .arg(port);
    for (int i = 0; i < kTopics; ++i) {
        toml += QStringLiteral("\n[[tags]]\nid = \"T%1\"\ndevice = \"bench\"\naddress = \"%2\"\n"
                               "type = \"float64\"\nunit = \"u\"\nrange = [0, 2000]\n")
                    .arg(i)
                    .arg(QString::fromLatin1(topicFor(i)));
        if (json)
            toml += QStringLiteral("options = { path = \"v\", timestamp = \"ts\" }\n");
    }
    return toml;
}

// Waits until a probe message reaches the counter (the subscription is active).
bool waitSubscribed(quint16 port, bool json, Counter &counter)
{
    for (int i = 0; i < 100 && counter.count.load() == 0; ++i) {
        flood(port, json, kTopics); // one message per topic
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 100 && counter.count.load() == 0)
            pause(10);
    }
    QElapsedTimer settle; // let the probe round drain
    settle.start();
    while (settle.elapsed() < 300)
        pause(10);
    return counter.count.load() > 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false"));
    registerCoreMetaTypes();
    qRegisterMetaType<DriverStatus>();
    mosquitto_lib_init();

    QTemporaryDir dir;
    MosquittoBroker broker(dir.path());
    QString error;
    if (!broker.start(&error)) {
        std::fprintf(stderr, "bench_mqtt: %s\n", qPrintable(error));
        return 1;
    }
    DriverRegistry registry;
    registerBuiltinDrivers(registry);
    const SystemClock clock;

    std::printf("mqtt_topics: %d\n", kTopics);
    std::printf("mqtt_messages_per_run: %ld\n", kMessages);
    std::printf("mqtt_rounds: %d\n", kRounds);
    for (const bool json : {false, true}) {
        const char *kind = json ? "json" : "plain16";
        const QString plantFile = dir.filePath(QStringLiteral("plant-%1.toml").arg(kind));
        QFile f(plantFile);
        f.open(QIODevice::WriteOnly);
        f.write(plantToml(broker.port(), json).toUtf8());
        f.close();
        PlantLoader::Result loaded = PlantLoader(registry).load(plantFile);
        if (!loaded.plant) {
            std::fprintf(stderr, "bench_mqtt: %s\n",
                         qPrintable(loaded.diagnostics.toStringList().join(u'\n')));
            return 1;
        }
        std::vector<Measurement> raw, vigil;
        long lostRaw = 0, lostVigil = 0, rejected = 0;
        Counter counter;
        for (int round = 0; round < kRounds; ++round) {
            long lost = 0;
            {
                counter.reset();
                RawSubscriber sub(broker.port(), counter);
                if (!waitSubscribed(broker.port(), json, counter)) {
                    std::fprintf(stderr, "bench_mqtt: the raw subscriber got nothing\n");
                    return 1;
                }
                raw.push_back(
                    measure(broker.port(), json, counter, sub.cpuClock(), broker.pid(), &lost));
                lostRaw += lost;
            }
            {
                DeviceHost host(registry, *loaded.plant, clock);
                Driver *driver = host.drivers().front();
                counter.reset();
                QObject::connect(
                    driver, &Driver::samplesReady, driver,
                    [&](const SampleBatch &batch) { counter.add(long(batch.size())); },
                    Qt::DirectConnection);
                host.startAll();
                if (!waitSubscribed(broker.port(), json, counter)) {
                    std::fprintf(stderr, "bench_mqtt: the driver got nothing\n");
                    return 1;
                }
                clockid_t driverClock{};
                QMetaObject::invokeMethod(
                    driver, [&] { pthread_getcpuclockid(pthread_self(), &driverClock); },
                    Qt::BlockingQueuedConnection);
                vigil.push_back(
                    measure(broker.port(), json, counter, driverClock, broker.pid(), &lost));
                lostVigil += lost;
                rejected += long(driver->statistics().rejected);
                host.stopAll();
            }
        }
        auto median = [](std::vector<Measurement> v, auto field) {
            std::sort(v.begin(), v.end(), [&](const Measurement &a, const Measurement &b) {
                return field(a) < field(b);
            });
            return field(v[v.size() / 2]);
        };
        auto rate = [](const Measurement &m) { return m.messagesPerSecond; };
        // What one fully busy core could take: messages per CPU second of the receiving thread.
        auto capacity = [](const Measurement &m) {
            return m.receiverCpuS > 0 ? double(m.received) / m.receiverCpuS : 0.0;
        };
        auto brokerUs = [](const Measurement &m) {
            return m.received > 0 ? m.brokerCpuS * 1e6 / double(m.received) : 0.0;
        };
        const double rawMedian = median(raw, rate);
        const double vigilMedian = median(vigil, rate);
        const double rawCapacity = median(raw, capacity);
        const double vigilCapacity = median(vigil, capacity);
        std::printf("mqtt_%s_raw_libmosquitto_msgs_per_s: %.0f\n", kind, rawMedian);
        std::printf("mqtt_%s_vigil_samples_per_s: %.0f\n", kind, vigilMedian);
        std::printf("mqtt_%s_ratio: %.2f\n", kind, rawMedian > 0 ? vigilMedian / rawMedian : 0.0);
        std::printf("mqtt_%s_raw_msgs_per_receiver_cpu_s: %.0f\n", kind, rawCapacity);
        std::printf("mqtt_%s_vigil_samples_per_receiver_cpu_s: %.0f\n", kind, vigilCapacity);
        std::printf("mqtt_%s_capacity_ratio: %.2f\n", kind,
                    rawCapacity > 0 ? vigilCapacity / rawCapacity : 0.0);
        std::printf("mqtt_%s_broker_cpu_us_per_msg: %.1f\n", kind,
                    (median(raw, brokerUs) + median(vigil, brokerUs)) / 2);
        std::printf("mqtt_%s_lost_raw_vigil: %ld %ld\n", kind, lostRaw, lostVigil);
        std::printf("mqtt_%s_vigil_rejected: %ld\n", kind, rejected);
        std::fflush(stdout);
    }
    return 0;
}
