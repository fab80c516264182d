// Rows the database refuses for their data (a trigger that always aborts one tag's chunks, a
// chunk id already taken) on a real SQLite file: the historian drops and counts only those
// rows, stores everything else, keeps recording (never stuck degraded) and reports one event
// per flush that lost rows.

#include "events/eventlog.h"
#include "historianfixture.h"
#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreader.h"
#include "history/historyrowerror.h"
#include "historytesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace vigil;
using vigil::testing::change;
using vigil::testing::makeTags;

class TstHistorianRowErrors : public QObject, private vigil::testing::HistorianFixture
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init();
    void rowErrorsAreToldFromStorageErrors();
    void refusedTagDoesNotStopTheOthers();
    void takenChunkIdCostsOnlyThatChunk();

private:
    HistorianOptions options() const
    {
        HistorianOptions o = HistorianFixture::options(600'000); // only flush() commits
        o.limits.chunkBytes = 200;                               // every round seals chunks
        return o;
    }
    static QList<SystemEvent> events(const EventLog &log, const QString &kind)
    {
        QList<SystemEvent> out;
        for (const SystemEvent &e : log.recent()) {
            if (e.kind == kind)
                out.append(e);
        }
        return out;
    }
    static double value(qint64 k) { return std::sin(double(k) * 0.37) * 50 + 50; }
};

void TstHistorianRowErrors::init()
{
    QVERIFY(initDir());
}

void TstHistorianRowErrors::rowErrorsAreToldFromStorageErrors()
{
    // Real SQLite errors: a duplicate key is a row error, writing a read-only database is not.
    auto c = connection(HistoryConnection::Role::Writer);
    QSqlQuery q(c->database());
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES (1, 1)")));
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO t VALUES (1, 2)")));
    QVERIFY2(HistoryRowError::isRowError(q.lastError(), true),
             qPrintable(q.lastError().nativeErrorCode()));
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO t VALUES (2, NULL)")));
    QVERIFY(HistoryRowError::isRowError(q.lastError(), true));
    c.reset();

    QSqlDatabase ro = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ro"));
    ro.setDatabaseName(m_dir->filePath(QStringLiteral("history.db")));
    ro.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    QVERIFY(ro.open());
    {
        QSqlQuery w(ro);
        QVERIFY(!w.exec(QStringLiteral("INSERT INTO t VALUES (3, 3)")));
        QVERIFY2(!w.lastError().nativeErrorCode().isEmpty(), qPrintable(w.lastError().text()));
        QVERIFY2(!HistoryRowError::isRowError(w.lastError(), true),
                 qPrintable(w.lastError().nativeErrorCode()));
    }
    ro.close();
    ro = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("ro"));

    // PostgreSQL: SQLSTATE classes 22 and 23 are row errors, the others are not.
    const auto pg = [](const char *state) {
        return HistoryRowError::isRowError(
            QSqlError(QString(), QString(), QSqlError::StatementError, QString::fromLatin1(state)),
            false);
    };
    QVERIFY(pg("23505"));  // unique violation
    QVERIFY(pg("23514"));  // check violation
    QVERIFY(pg("22001"));  // string too long
    QVERIFY(!pg("53100")); // disk full
    QVERIFY(!pg("57P01")); // admin shutdown
    QVERIFY(!pg("08006")); // connection failure
    QVERIFY(!pg(""));
}

void TstHistorianRowErrors::refusedTagDoesNotStopTheOthers()
{
    ManualClock clock(kT0);
    EventLog log(clock);
    Historian h(options(),
                makeTags({QStringLiteral("A"), QStringLiteral("TWIN"), QStringLiteral("BAD")}),
                clock, &log);
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);

    // From now on every chunk of BAD is refused (RAISE(ABORT) is SQLITE_CONSTRAINT).
    auto c = connection(HistoryConnection::Role::Writer);
    QSqlQuery q(c->database());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM tag WHERE name = 'BAD'")) && q.next());
    const int badKey = q.value(0).toInt();
    QVERIFY2(q.exec(QStringLiteral("CREATE TRIGGER refuse_bad BEFORE INSERT ON chunk WHEN "
                                   "NEW.tag = %1 BEGIN SELECT RAISE(ABORT, 'rejected for test'); "
                                   "END")
                        .arg(badKey)),
             qPrintable(q.lastError().text()));

    HistorySamples expected;
    const int rounds = 3, perRound = 300;
    for (int round = 0; round < rounds; ++round) {
        ChangeSet set;
        for (int i = 0; i < perRound; ++i) {
            const qint64 k = round * perRound + i;
            const qint64 t = kT0 + k * 1000;
            // TWIN gets exactly BAD's samples: its chunks are the ones BAD loses.
            for (quint32 tag = 0; tag < 3; ++tag)
                set.append(change(tag, t, value(k)));
            expected.append({t, value(k), Quality::Good});
        }
        h.record(set);
        QVERIFY(h.flush());
        QCOMPARE(h.state(), HistorianState::Recording);
        QCOMPARE(events(log, QStringLiteral("historian.rejected")).size(), round + 1);
    }
    h.stop(); // seals the open chunks: BAD's last one is refused too
    const QList<SystemEvent> rejected = events(log, QStringLiteral("historian.rejected"));
    QCOMPARE(rejected.size(), rounds + 1);
    for (const SystemEvent &e : rejected) {
        QCOMPARE(e.severity, SystemEvent::Severity::Error);
        QVERIFY2(e.message.contains(u"chunk of tag BAD") &&
                     e.message.contains(u"rejected for test"),
                 qPrintable(e.message));
    }
    QVERIFY(events(log, QStringLiteral("historian.degraded")).isEmpty());

    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM chunk c JOIN tag t ON t.id = c.tag WHERE "
                                  "t.name = 'TWIN'")) &&
            q.next());
    const quint64 twinChunks = q.value(0).toULongLong();
    QVERIFY(twinChunks > quint64(rounds));
    const Historian::Stats stats = h.stats();
    QCOMPARE(stats.rejectedRows, twinChunks);
    QCOMPARE(stats.rejectedSamples, quint64(rounds * perRound));
    QCOMPARE(stats.dropped, 0u);

    HistoryReader reader(c->database());
    HistorySamples got;
    for (const QString &name : {QStringLiteral("A"), QStringLiteral("TWIN")}) {
        QVERIFY2(reader.raw(name, kT0, kT0 + rounds * perRound * 1000, got),
                 qPrintable(reader.lastError()));
        QCOMPARE(got, expected);
    }
    QVERIFY(reader.raw(QStringLiteral("BAD"), kT0, kT0 + rounds * perRound * 1000, got));
    QCOMPARE(got.size(), 0);
}

void TstHistorianRowErrors::takenChunkIdCostsOnlyThatChunk()
{
    ManualClock clock(kT0);
    auto tags = makeTags({QStringLiteral("A")});
    {
        Historian first(options(), tags, clock); // creates the database
        first.start();
        QTRY_COMPARE_WITH_TIMEOUT(first.state(), HistorianState::Recording, 10000);
    }
    // The next start reserves its chunk ids from the counter: take its first one.
    auto c = connection(HistoryConnection::Role::Writer);
    QSqlQuery q(c->database());
    QVERIFY(q.exec(QStringLiteral("SELECT next FROM counter WHERE name = 'chunk'")) && q.next());
    const qint64 taken = q.value(0).toLongLong();
    QVERIFY2(q.exec(QStringLiteral("INSERT INTO chunk (id, tag, start_time, end_time, n, data) "
                                   "VALUES (%1, -7, 0, 0, 0, x'00')")
                        .arg(taken)),
             qPrintable(q.lastError().text()));

    EventLog log(clock);
    Historian h(options(), tags, clock, &log);
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);
    HistorySamples expected;
    ChangeSet set;
    for (int k = 0; k < 300; ++k) {
        set.append(change(0, kT0 + k * 1000, value(k)));
        expected.append({kT0 + k * 1000, value(k), Quality::Good});
    }
    h.record(set);
    QVERIFY(h.flush());
    QCOMPARE(h.state(), HistorianState::Recording);
    h.stop();

    const QList<SystemEvent> rejected = events(log, QStringLiteral("historian.rejected"));
    QCOMPARE(rejected.size(), 1);
    QVERIFY2(rejected.first().message.contains(u"1 chunk row ("),
             qPrintable(rejected.first().message));
    QVERIFY(events(log, QStringLiteral("historian.degraded")).isEmpty());
    HistoryReader reader(c->database());
    HistorySamples got;
    QVERIFY(reader.raw(QStringLiteral("A"), kT0, kT0 + 300'000, got));
    const qsizetype lost = expected.size() - got.size();
    QVERIFY(lost > 0 && lost < expected.size());
    QCOMPARE(got, expected.mid(lost)); // the first chunk is gone, everything after it is stored
    QCOMPARE(h.stats().rejectedRows, 1u);
    QCOMPARE(h.stats().rejectedSamples, quint64(lost));
}

QTEST_GUILESS_MAIN(TstHistorianRowErrors)
#include "tst_historianrowerrors.moc"
