// kill -9 during writes, 50 times: after each kill the database passes PRAGMA integrity_check and
// holds every sample handed to the historian more than 1 s before the kill; at the end a
// restarted historian (journal recovery) still holds everything, exactly once.

#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreader.h"
#include "metatypes.h"
#include "util/systemclock.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <random>
#include <set>

using namespace vigil;

class TstHistorianCrash : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void killDuringWrites();

private:
    std::vector<qint64> readLog() const;
    void verify(qint64 upTo, const std::vector<qint64> &times, qint64 since, bool exactlyOnce);

    QTemporaryDir m_dir;
    QString m_phase;
    // Every how many cycles the writer is also killed during start-up (journal replay).
    int m_earlyEvery = qEnvironmentVariableIntValue("VIGIL_CRASH_EARLY_EVERY") > 0
                           ? qEnvironmentVariableIntValue("VIGIL_CRASH_EARLY_EVERY")
                           : 10;
    QString m_writer;
    QString m_db;
    QString m_log;
};

void TstHistorianCrash::initTestCase()
{
    registerCoreMetaTypes();
    // VIGIL_CRASH_WRITER: another build of the helper (stress runs while the tree is rebuilt).
    m_writer = qEnvironmentVariable("VIGIL_CRASH_WRITER", QStringLiteral(HISTORY_CRASH_WRITER));
    QVERIFY2(QFile::exists(m_writer), "the helper history_crash_writer is not built");
    m_db = m_dir.filePath(QStringLiteral("history.db"));
    m_log = m_dir.filePath(QStringLiteral("written.log"));
}

std::vector<qint64> TstHistorianCrash::readLog() const
{
    QFile f(m_log);
    std::vector<qint64> times;
    if (!f.open(QIODevice::ReadOnly))
        return times;
    for (const QByteArray &line : f.readAll().split('\n')) {
        bool ok = false;
        const qint64 t = line.toLongLong(&ok);
        if (ok)
            times.push_back(t);
    }
    return times;
}

// Every logged time in [since, upTo] must be stored for every tag with its value.
void TstHistorianCrash::verify(qint64 upTo, const std::vector<qint64> &times, qint64 since,
                               bool exactlyOnce)
{
    HistoryConnection conn(*HistoryUrl::parse(QStringLiteral("sqlite:") + m_db),
                           HistoryConnection::Role::Reader);
    QString error;
    QVERIFY2(conn.open(&error), qPrintable(error));
    {
        QSqlQuery check(conn.database());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }
    HistoryReader reader(conn.database()); // no tail: what is on disk, journal included
    bool lost = false;
    for (int tag = 0; tag < 40; ++tag) {
        HistorySamples got;
        QVERIFY2(reader.raw(QStringLiteral("T%1").arg(tag), since, upTo, got),
                 qPrintable(reader.lastError()));
        std::set<qint64> stored;
        for (const HistorySample &s : got) {
            QCOMPARE(s.value, double(float(double(s.time % 1'000'000) / 8.0 + tag)));
            if (exactlyOnce)
                QVERIFY2(stored.insert(s.time).second,
                         qPrintable(QStringLiteral("T%1 at %2 stored twice").arg(tag).arg(s.time)));
            else
                stored.insert(s.time);
        }
        std::vector<qint64> missing;
        for (qint64 t : times) {
            if (t >= since && t <= upTo && !stored.count(t))
                missing.push_back(t);
        }
        if (!missing.empty()) {
            qInfo("T%d: %zu of the window's samples missing, %lld..%lld (%lld..%lld ms before "
                  "the window end) (%s)",
                  tag, missing.size(), missing.front(), missing.back(), upTo - missing.front(),
                  upTo - missing.back(), qPrintable(m_phase));
            lost = true;
        }
    }
    if (lost) {
        QSqlQuery q(conn.database());
        q.exec(QStringLiteral("SELECT c.id, t.name, c.start_time, c.end_time, c.n FROM chunk c "
                              "JOIN tag t ON t.id = c.tag WHERE c.end_time >= %1 ORDER BY c.id")
                   .arg(since));
        while (q.next())
            qInfo("chunk %lld %s %lld..%lld n=%lld", q.value(0).toLongLong(),
                  qPrintable(q.value(1).toString()), q.value(2).toLongLong(),
                  q.value(3).toLongLong(), q.value(4).toLongLong());
        q.exec(QStringLiteral("SELECT writer, seq, length(data) FROM journal"));
        while (q.next())
            qInfo("journal %s %lld %lld", qPrintable(q.value(0).toString()),
                  q.value(1).toLongLong(), q.value(2).toLongLong());
        QFAIL(qPrintable(QStringLiteral("samples older than 1 s were lost (window %1..%2, %3)")
                             .arg(since)
                             .arg(upTo)
                             .arg(m_phase)));
    }
}

void TstHistorianCrash::killDuringWrites()
{
    std::mt19937 rng(20240105);
    std::uniform_int_distribution<int> runMs(1030, 1330);
    std::uniform_int_distribution<int> startupMs(5, 60);
    std::vector<std::pair<qint64, qint64>> windows; // [cycle start, kill - 1 s]
    int checked = 0;
    for (int cycle = 0; cycle < 50; ++cycle) {
        if (cycle % m_earlyEvery == m_earlyEvery - 1) {
            // Also kill while the writer opens the database and replays its journal.
            QProcess early;
            early.start(m_writer, {m_db, m_log});
            QVERIFY(early.waitForStarted(5000));
            QTest::qWait(startupMs(rng));
            early.kill();
            QVERIFY(early.waitForFinished(5000));
            m_phase = QStringLiteral("cycle %1, after a kill at start-up").arg(cycle);
            const auto &[since, upTo] = windows.back();
            verify(upTo, readLog(), since, false);
            if (QTest::currentTestFailed())
                return;
        }
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(m_writer, {m_db, m_log});
        QVERIFY2(writer.waitForStarted(5000), "cannot start history_crash_writer");
        QVERIFY2(writer.waitForReadyRead(10000), "history_crash_writer did not start recording");
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        QTest::qWait(runMs(rng)); // the writer works; this process only waits
        const qint64 kill = QDateTime::currentMSecsSinceEpoch();
        writer.kill(); // SIGKILL
        QVERIFY(writer.waitForFinished(5000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        const std::vector<qint64> times = readLog();
        const qint64 upTo = kill - 1000;
        m_phase = QStringLiteral("cycle %1, run %2 ms").arg(cycle).arg(kill - start);
        windows.emplace_back(start, upTo);
        verify(upTo, times, start, false);
        if (QTest::currentTestFailed())
            return;
        checked += int(std::count_if(times.begin(), times.end(),
                                     [&](qint64 t) { return t >= start && t <= upTo; }));
    }
    QVERIFY2(checked > 50 * 10, "too few samples were old enough to check");

    // A historian that starts on the killed database recovers the journal: nothing lost, nothing
    // twice.
    {
        HistorianOptions options;
        options.url = QStringLiteral("sqlite:") + m_db;
        std::vector<TagDefinition> defs(40);
        for (int i = 0; i < 40; ++i)
            defs[size_t(i)].id = QStringLiteral("T%1").arg(i);
        SystemClock clock;
        Historian h(options, std::make_shared<const TagDirectory>(std::move(defs)), clock);
        h.start();
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);
        h.stop();
    }
    const std::vector<qint64> times = readLog();
    m_phase = QStringLiteral("final check after recovery");
    for (const auto &[since, upTo] : windows) {
        verify(upTo, times, since, true);
        if (QTest::currentTestFailed())
            return;
    }
    qInfo("checked %d sample times in 50 kill windows", checked);
}

QTEST_GUILESS_MAIN(TstHistorianCrash)
#include "tst_historiancrash.moc"
