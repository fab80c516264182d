// A full and a read-only file system for real (tmpfs mounted by the test, as root): the
// historian turns degraded and says so through the event log, holds samples in its bounded
// queue (dropping the oldest, counted), and recovers by itself when space returns.

#include "events/eventlog.h"
#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreader.h"
#include "historytesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace vigil;
using vigil::testing::change;
using vigil::testing::makeTags;

class TstHistorianDiskFull : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void diskFullDegradesAndRecovers();
    void readOnlyFileSystemDegradesAndRecovers();

private:
    static bool run(const QStringList &args, QString *output = nullptr);
    static bool hasEvent(const EventLog &log, const QString &kind);
    QString mountTmpfs(const QString &name, const QString &size);

    QTemporaryDir m_dir;
    QStringList m_mounts;
};

bool TstHistorianDiskFull::run(const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(args.first(), args.mid(1));
    const bool ok =
        p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (output)
        *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    return ok;
}

bool TstHistorianDiskFull::hasEvent(const EventLog &log, const QString &kind)
{
    const QList<SystemEvent> events = log.recent();
    return std::any_of(events.begin(), events.end(),
                       [&](const SystemEvent &e) { return e.kind == kind; });
}

QString TstHistorianDiskFull::mountTmpfs(const QString &name, const QString &size)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(path);
    QString output;
    if (!run({QStringLiteral("mount"), QStringLiteral("-t"), QStringLiteral("tmpfs"),
              QStringLiteral("-o"), QStringLiteral("size=") + size, QStringLiteral("tmpfs"), path},
             &output))
        return QStringLiteral("!") + output;
    m_mounts.append(path);
    return path;
}

void TstHistorianDiskFull::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_dir.isValid());
}

void TstHistorianDiskFull::cleanupTestCase()
{
    for (const QString &m : m_mounts)
        run({QStringLiteral("umount"), QStringLiteral("-l"), m});
}

void TstHistorianDiskFull::diskFullDegradesAndRecovers()
{
    const QString fs = mountTmpfs(QStringLiteral("full"), QStringLiteral("3m"));
    QVERIFY2(!fs.startsWith(u'!'),
             qPrintable(QStringLiteral("cannot mount a 3 MB tmpfs for the disk-full test (the "
                                       "test must run as root with mount rights): ") +
                        fs.mid(1)));
    ManualClock clock(1'700'000'000'000);
    EventLog events(clock);
    HistorianOptions o;
    o.url = QStringLiteral("sqlite:") + fs + QStringLiteral("/history.db");
    o.flushIntervalMs = 50;
    o.retryIntervalMs = 100;
    o.config.heartbeatMs = 0;
    o.config.queueCapacity = 30'000;
    QStringList ids;
    for (int i = 0; i < 20; ++i)
        ids.append(QStringLiteral("W%1").arg(i));
    Historian h(o, makeTags(ids), clock, &events);
    h.start();
    QTRY_COMPARE(h.state(), HistorianState::Recording);

    // Leave about 400 KB, then write incompressible samples until the disk is full.
    {
        QFile filler(fs + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const qint64 leave = 400 * 1024;
        const QByteArray block(64 * 1024, 'f');
        while (QStorageInfo(fs).bytesAvailable() > leave + block.size())
            QVERIFY(filler.write(block) == block.size());
    }
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> noise(-1, 1);
    qint64 t = clock.nowMs();
    auto batch = [&] {
        ChangeSet set;
        for (int k = 0; k < 500; ++k, t += 10) {
            for (quint32 i = 0; i < 20; ++i)
                set.append(change(i, t, noise(rng) * 1e6));
        }
        h.record(set);
    };
    int batches = 0;
    while (h.state() == HistorianState::Recording && batches < 300) {
        batch();
        ++batches;
        h.flush();
    }
    QCOMPARE(h.state(), HistorianState::Degraded);
    QVERIFY2(h.stateReason().contains(u"full"), qPrintable(h.stateReason()));
    QTRY_VERIFY(hasEvent(events, QStringLiteral("historian.degraded")));
    QVERIFY(!h.flush());

    // The queue holds the newest 30,000 samples; older ones are dropped and counted.
    for (int i = 0; i < 5; ++i)
        batch();
    QVERIFY(h.stats().dropped >= 5 * 10'000 - 30'000);
    QCOMPARE(h.stats().queued, 30'000);

    QVERIFY(QFile::remove(fs + QStringLiteral("/filler")));
    QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 5000);
    QTRY_VERIFY(hasEvent(events, QStringLiteral("historian.recovered")));
    batch();
    QVERIFY(h.flush());

    // Every sample that was not dropped is stored, exactly once.
    const Historian::Stats stats = h.stats();
    h.stop();
    HistoryConnection conn(*HistoryUrl::parse(o.url), HistoryConnection::Role::Reader);
    QString error;
    QVERIFY(conn.open(&error));
    QSqlQuery check(conn.database());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    HistoryReader reader(conn.database());
    qint64 stored = 0;
    for (const QString &id : ids) {
        HistorySamples got;
        QVERIFY(reader.raw(id, 0, t, got));
        for (qsizetype i = 1; i < got.size(); ++i)
            QVERIFY(got[i].time > got[i - 1].time);
        stored += got.size();
    }
    QCOMPARE(quint64(stored), stats.received - stats.dropped);
    qInfo("disk full after %d batches; %llu samples dropped, %lld stored", batches,
          (unsigned long long)stats.dropped, (long long)stored);
}

void TstHistorianDiskFull::readOnlyFileSystemDegradesAndRecovers()
{
    const QString fs = mountTmpfs(QStringLiteral("ro"), QStringLiteral("2m"));
    QVERIFY2(!fs.startsWith(u'!'),
             qPrintable(QStringLiteral("cannot mount a tmpfs: ") + fs.mid(1)));
    QString output;
    QVERIFY2(run({QStringLiteral("mount"), QStringLiteral("-o"), QStringLiteral("remount,ro"), fs},
                 &output),
             qPrintable(output));
    ManualClock clock(1'700'000'000'000);
    EventLog events(clock);
    HistorianOptions o;
    o.url = QStringLiteral("sqlite:") + fs + QStringLiteral("/history.db");
    o.flushIntervalMs = 50;
    o.retryIntervalMs = 100;
    Historian h(o, makeTags({QStringLiteral("A")}), clock, &events);
    h.start();
    QTRY_COMPARE(h.state(), HistorianState::Degraded);
    QVERIFY(hasEvent(events, QStringLiteral("historian.degraded")));
    h.record({change(0, clock.nowMs(), 1.5), change(0, clock.nowMs() + 1000, 2.5)});
    QVERIFY(!h.flush());

    QVERIFY2(run({QStringLiteral("mount"), QStringLiteral("-o"), QStringLiteral("remount,rw"), fs},
                 &output),
             qPrintable(output));
    QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 5000);
    QVERIFY(h.flush());
    HistoryConnection conn(*HistoryUrl::parse(o.url), HistoryConnection::Role::Reader);
    QString error;
    QVERIFY(conn.open(&error));
    HistoryReader reader(conn.database(), &h);
    HistorySamples got;
    QVERIFY(reader.raw(QStringLiteral("A"), 0, clock.nowMs() + 2000, got));
    QCOMPARE(got.size(), 2); // queued while read-only, written once writable
    QCOMPARE(h.stats().dropped, 0u);
}

QTEST_GUILESS_MAIN(TstHistorianDiskFull)
#include "tst_historiandiskfull.moc"
