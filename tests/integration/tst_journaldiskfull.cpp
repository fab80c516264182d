// A full file system for real (a tmpfs mounted by the test, as root): the journal reports the
// failure once with the reason, keeps what it could not write, and stores all of it, exactly
// once, when space returns.

#include "alarmtesting.h"
#include "events/eventlog.h"
#include "journal/journal.h"
#include "journaltesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

class TstJournalDiskFull : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void diskFullIsReportedOnceAndCatchesUp();

private:
    static bool run(const QStringList &args, QString *output = nullptr);
    static int countEvents(const EventLog &log, const QString &kind);

    QTemporaryDir m_dir;
    QString m_mount;
};

bool TstJournalDiskFull::run(const QStringList &args, QString *output)
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

int TstJournalDiskFull::countEvents(const EventLog &log, const QString &kind)
{
    const QList<SystemEvent> events = log.recent();
    return int(std::count_if(events.begin(), events.end(),
                             [&](const SystemEvent &e) { return e.kind == kind; }));
}

void TstJournalDiskFull::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("full"));
    QVERIFY(QDir().mkpath(path));
    QString output;
    QVERIFY2(run({QStringLiteral("mount"), QStringLiteral("-t"), QStringLiteral("tmpfs"),
                  QStringLiteral("-o"), QStringLiteral("size=2m"), QStringLiteral("tmpfs"), path},
                 &output),
             qPrintable(QStringLiteral("cannot mount a 2 MB tmpfs for the disk-full test (the "
                                       "test must run as root with mount rights): ") +
                        output));
    m_mount = path;
}

void TstJournalDiskFull::cleanupTestCase()
{
    if (!m_mount.isEmpty())
        run({QStringLiteral("umount"), QStringLiteral("-l"), m_mount});
}

void TstJournalDiskFull::diskFullIsReportedOnceAndCatchesUp()
{
    const QString db = m_mount + QStringLiteral("/journal.db");
    ManualClock clock;
    EventLog log(clock);
    JournalWriter::Options options;
    options.retryMs = 3'600'000; // retried with each batch and when the test flushes
    Journal journal(journalUrl(db), &log, options);
    journal.start();
    AlarmEngine engine(plant({tag(QStringLiteral("LEVEL"), {rule(AlarmType::Hi, 80.0)})}), clock);
    connect(&engine, &AlarmEngine::transitionsOccurred, journal.writer(),
            &JournalWriter::recordTransitions, Qt::QueuedConnection);
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);

    // Leave about 200 KB, then acknowledge with 4 KB comments until the disk is full.
    {
        QFile filler(m_mount + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(32 * 1024, 'f');
        while (QStorageInfo(m_mount).bytesAvailable() > 200 * 1024 + block.size())
            QVERIFY(filler.write(block) == block.size());
    }
    int cycle = 0;
    auto cycleOnce = [&] {
        send(engine, 0, 90.0);
        engine.acknowledge({0}, QStringLiteral("alice"),
                           QStringLiteral("%1 ").arg(cycle).repeated(4096 / 5));
        send(engine, 0, 50.0);
        clock.advance(1000);
        ++cycle;
    };
    while (journal.flush() && cycle < 1000)
        cycleOnce();
    QVERIFY2(cycle < 1000, "the disk never filled up");
    const JournalStats full = journal.stats();
    QVERIFY(!full.open);
    QVERIFY2(full.failure.contains(QStringLiteral("full")), qPrintable(full.failure));
    QTRY_COMPARE_WITH_TIMEOUT(countEvents(log, QStringLiteral("journal.failed")), 1, 5000);

    // Still full: held, not reported again.
    for (int i = 0; i < 5; ++i)
        cycleOnce();
    QVERIFY(!journal.flush());
    QCOMPARE(countEvents(log, QStringLiteral("journal.failed")), 1);
    QVERIFY(journal.stats().pending > 0);

    QVERIFY(QFile::remove(m_mount + QStringLiteral("/filler")));
    QVERIFY(journal.flush());
    QTRY_COMPARE_WITH_TIMEOUT(countEvents(log, QStringLiteral("journal.recovered")), 1, 5000);
    const JournalStats recovered = journal.stats();
    QCOMPARE(recovered.droppedTransitions, quint64(0));
    qsizetype emitted = 0;
    for (const QList<QVariant> &args : spy)
        emitted += args.at(0).value<AlarmTransitionBatch>().size();
    QCOMPARE(recovered.transitionsWritten, quint64(emitted));
    journal.stop();

    JournalProbe probe(db);
    QCOMPARE(probe.rows(QStringLiteral("PRAGMA integrity_check"))
                 .value(0)
                 .value(QStringLiteral("integrity_check"))
                 .toString(),
             QStringLiteral("ok"));
    QCOMPARE(probe.count(QStringLiteral("alarm_journal")), qint64(emitted));
    QCOMPARE(probe.count(QStringLiteral("event WHERE kind = 'journal.failed'")), 1);
    qInfo("disk full after %d acknowledge cycles; %lld transitions stored", cycle,
          static_cast<long long>(emitted));
}

QTEST_GUILESS_MAIN(TstJournalDiskFull)
#include "tst_journaldiskfull.moc"
