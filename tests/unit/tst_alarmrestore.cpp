// Restart with a real journal.db: the alarm states one engine left are given back to a new engine
// exactly (flags, times, users, comments, reasons, a timed shelve's end), conditions are then
// re-evaluated from fresh values, and alarms the plant no longer has are skipped.

#include "alarmtesting.h"
#include "journal/journal.h"
#include "journaltesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

namespace
{

constexpr qint64 kMinute = 60'000;

// One run of Vigil: a journal opened on the file and an engine fed by nothing but the test.
struct Session {
    Session(const QString &path, std::vector<TagDefinition> tags, const Clock &clock)
        : journal(journalUrl(path))
        , engine(plant(std::move(tags)), clock)
    {
        saved = journal.start();
        QObject::connect(&engine, &AlarmEngine::transitionsOccurred, journal.writer(),
                         &JournalWriter::recordTransitions, Qt::QueuedConnection);
    }
    quint32 id(const char *key) const { return *engine.idOf(QLatin1String(key)); }

    Journal journal;
    AlarmEngine engine;
    AlarmSavedStates saved;
};

// The kinds of the next batch the spy caught; "none" when there was none.
QStringList next(QSignalSpy &spy)
{
    if (spy.isEmpty())
        return {QStringLiteral("none")};
    return kinds(spy.takeFirst().at(0).value<AlarmTransitionBatch>());
}

std::vector<TagDefinition> tags(const QStringList &ids)
{
    std::vector<TagDefinition> out;
    for (const QString &id : ids) {
        AlarmRule r = rule(AlarmType::Hi, 80.0);
        r.latch = id == QStringLiteral("C");
        out.push_back(tag(id, {r}));
    }
    return out;
}

} // namespace

class TstAlarmRestore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init();
    void restoresEveryStateExactly();
    void conditionsAreReevaluatedFromFreshValues();
    void timedShelveKeepsItsRemainingTime();
    void timedShelveThatEndedWhileDownEndsAtOnce();
    void removedAlarmIsSkippedAndLogged();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("journal.db")); }
    // The first run: A active unacknowledged, B acknowledged with a comment, C latched, D
    // shelved one-shot, E shelved for 10 minutes (2 minutes ago), F out of service, G active.
    QList<AlarmSnapshot> firstRun(ManualClock &clock);
    static void compare(const AlarmSnapshot &restored, const AlarmSnapshot &saved);

    std::unique_ptr<QTemporaryDir> m_dir;
    const QStringList m_all{"A", "B", "C", "D", "E", "F", "G"};
};

void TstAlarmRestore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QList<AlarmSnapshot> TstAlarmRestore::firstRun(ManualClock &clock)
{
    Session s(path(), tags(m_all), clock);
    AlarmEngine &e = s.engine;
    send(e, 0, 90.0);
    clock.advance(1000);
    send(e, 1, 91.0);
    clock.advance(1000);
    e.acknowledge({s.id("B/hi")}, QStringLiteral("alice"), QStringLiteral("pump checked"));
    send(e, 2, 92.0);
    clock.advance(1000);
    send(e, 2, 50.0);
    send(e, 3, 93.0);
    e.shelve(s.id("D/hi"), QStringLiteral("carol"), QStringLiteral("known fault"), 0);
    send(e, 4, 94.0);
    e.shelve(s.id("E/hi"), QStringLiteral("carol"), QStringLiteral("calibration"), 10 * kMinute);
    e.setOutOfService(s.id("F/hi"), true, QStringLiteral("erin"), QStringLiteral("sensor swap"));
    send(e, 6, 96.0);
    clock.advance(2 * kMinute);
    QList<AlarmSnapshot> snapshots;
    for (const QString &key : m_all)
        snapshots.append(e.snapshot(*e.idOf(key + QStringLiteral("/hi"))));
    s.journal.stop();
    return snapshots;
}

void TstAlarmRestore::compare(const AlarmSnapshot &r, const AlarmSnapshot &s)
{
    QCOMPARE(r.key, s.key);
    QCOMPARE(flagCode(r.flags), flagCode(s.flags));
    QCOMPARE(r.flags, s.flags);
    QCOMPARE(r.value, s.value);
    QCOMPARE(r.activeTimeMs, s.activeTimeMs);
    QCOMPARE(r.clearedTimeMs, s.clearedTimeMs);
    QCOMPARE(r.ackTimeMs, s.ackTimeMs);
    QCOMPARE(r.ackUser, s.ackUser);
    QCOMPARE(r.ackComment, s.ackComment);
    QCOMPARE(r.shelveUser, s.shelveUser);
    QCOMPARE(r.shelveReason, s.shelveReason);
    QCOMPARE(r.shelveExpiryMs, s.shelveExpiryMs);
    QCOMPARE(r.outOfServiceUser, s.outOfServiceUser);
}

void TstAlarmRestore::restoresEveryStateExactly()
{
    ManualClock clock;
    const QList<AlarmSnapshot> before = firstRun(clock);
    // Down for 3 minutes; the new process's monotonic clock starts again from zero.
    ManualClock later(clock.nowMs() + 3 * kMinute);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("no longer has these alarms: G/hi$")));
    Session s(path(), tags(m_all.mid(0, 6)), later);
    QSignalSpy spy(&s.engine, &AlarmEngine::transitionsOccurred);
    QCOMPARE(s.engine.restore(s.saved), 6);
    QCOMPARE(spy.count(), 0); // nothing happened: the states simply came back

    for (int i = 0; i < 6; ++i)
        compare(s.engine.snapshot(s.id(qPrintable(m_all[i] + QStringLiteral("/hi")))), before[i]);
    // The cases, spelled out.
    QCOMPARE(flagCode(before[0].flags), QStringLiteral("A-----"));
    QCOMPARE(flagCode(before[1].flags), QStringLiteral("AK----"));
    QCOMPARE(before[1].ackComment, QStringLiteral("pump checked"));
    QCOMPARE(flagCode(before[2].flags), QStringLiteral("A----L"));
    QCOMPARE(flagCode(before[3].flags), QStringLiteral("A-S---"));
    QVERIFY(before[3].flags.oneShotShelve);
    QCOMPARE(flagCode(before[4].flags), QStringLiteral("A-S---"));
    QVERIFY(!before[4].flags.oneShotShelve);
    QCOMPARE(flagCode(before[5].flags), QStringLiteral("-K--O-"));
    QCOMPARE(before[5].outOfServiceUser, QStringLiteral("erin"));
    // The banner counts what it counted before the restart (A and C; D and E are shelved).
    QCOMPARE(s.engine.unacknowledgedCounts().total(), 2);
}

void TstAlarmRestore::conditionsAreReevaluatedFromFreshValues()
{
    ManualClock clock;
    firstRun(clock);
    ManualClock later(clock.nowMs() + 3 * kMinute);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("no longer has these alarms: G/hi$")));
    Session s(path(), tags(m_all.mid(0, 6)), later);
    s.engine.restore(s.saved);
    QSignalSpy spy(&s.engine, &AlarmEngine::transitionsOccurred);

    // A: back to normal while unacknowledged: cleared, still listed.
    send(s.engine, 0, 50.0);
    QCOMPARE(next(spy), QStringList{"cleared"});
    QCOMPARE(flagCode(s.engine.flags(s.id("A/hi"))), QStringLiteral("------"));
    QVERIFY(s.engine.flags(s.id("A/hi")).listed());
    // B: still high: stays active and acknowledged, no second raise.
    send(s.engine, 1, 95.0);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(flagCode(s.engine.flags(s.id("B/hi"))), QStringLiteral("AK----"));
    // C: latched stays latched at a normal value, until reset.
    send(s.engine, 2, 50.0);
    QCOMPARE(spy.count(), 0);
    QVERIFY(s.engine.reset(s.id("C/hi"), QStringLiteral("bob")));
    QCOMPARE(next(spy), QStringList({"reset", "cleared"}));
    // D: the one-shot shelve ends with the return to normal.
    send(s.engine, 3, 50.0);
    QCOMPARE(next(spy), QStringList({"cleared", "shelveended"}));
    // The second run's transitions are journaled too, after the first run's.
    QVERIFY(s.journal.flush());
    JournalProbe probe(path());
    const QList<QVariantMap> last = probe.rows(
        QStringLiteral("SELECT alarm_key, kind FROM alarm_journal ORDER BY id DESC LIMIT 1"));
    QCOMPARE(last[0].value(QStringLiteral("alarm_key")).toString(), QStringLiteral("D/hi"));
    QCOMPARE(last[0].value(QStringLiteral("kind")).toString(), QStringLiteral("shelveended"));
}

void TstAlarmRestore::timedShelveKeepsItsRemainingTime()
{
    ManualClock clock;
    const qint64 shelvedAt = clock.nowMs() + 3000; // E is shelved 3 s into the first run
    firstRun(clock);
    // 2 minutes ran before the stop, 3 minutes down: 5 minutes of the 10 are left.
    ManualClock later(clock.nowMs() + 3 * kMinute);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("no longer has these alarms: G/hi$")));
    Session s(path(), tags(m_all.mid(0, 6)), later);
    s.engine.restore(s.saved);
    const quint32 e = s.id("E/hi");
    QCOMPARE(s.engine.snapshot(e).shelveExpiryMs, shelvedAt + 10 * kMinute);
    const qint64 remaining = shelvedAt + 10 * kMinute - later.nowMs();
    QVERIFY(remaining > 0);

    // A wall-clock jump after the restart neither ends nor extends it.
    later.setNowMs(later.nowMs() + 24 * 60 * kMinute);
    s.engine.tick();
    QVERIFY(s.engine.flags(e).shelved);
    later.advance(remaining - 1);
    s.engine.tick();
    QVERIFY(s.engine.flags(e).shelved);
    QSignalSpy spy(&s.engine, &AlarmEngine::transitionsOccurred);
    later.advance(1);
    s.engine.tick();
    QVERIFY(!s.engine.flags(e).shelved);
    QCOMPARE(next(spy), QStringList{"shelveended"});
}

void TstAlarmRestore::timedShelveThatEndedWhileDownEndsAtOnce()
{
    ManualClock clock;
    firstRun(clock);
    // Down for 9 minutes: E's shelve (10 minutes, 2 of them before the stop) ended meanwhile.
    ManualClock later(clock.nowMs() + 9 * kMinute);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("no longer has these alarms: G/hi$")));
    {
        Session s(path(), tags(m_all.mid(0, 6)), later);
        QSignalSpy spy(&s.engine, &AlarmEngine::transitionsOccurred);
        s.engine.restore(s.saved);
        QCOMPARE(spy.count(), 1);
        const AlarmTransitionBatch batch = spy.at(0).at(0).value<AlarmTransitionBatch>();
        QCOMPARE(kinds(batch), QStringList{"shelveended"});
        QCOMPARE(batch[0].key, QStringLiteral("E/hi"));
        QCOMPARE(batch[0].wallTimeMs, later.nowMs());
        QCOMPARE(flagCode(s.engine.flags(s.id("E/hi"))), QStringLiteral("A-----"));
        // Still the same shelve stamps for the record; the other shelve stays.
        QVERIFY(s.engine.flags(s.id("D/hi")).shelved);
    }
    // The end is journaled, and the saved state follows: a third run restores it unshelved.
    JournalProbe probe(path());
    const QList<QVariantMap> state =
        probe.rows(QStringLiteral("SELECT * FROM alarm_state WHERE alarm_key = 'E/hi'"));
    QCOMPARE(state[0].value(QStringLiteral("shelved")).toInt(), 0);
    QCOMPARE(state[0].value(QStringLiteral("shelve_until_ms")).toLongLong(), 0);
}

void TstAlarmRestore::removedAlarmIsSkippedAndLogged()
{
    ManualClock clock;
    const QList<AlarmSnapshot> before = firstRun(clock);
    ManualClock later(clock.nowMs() + kMinute);
    Session s(path(), tags({"A", "B"}), later);
    QCOMPARE(s.saved.size(), 7);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "no longer has these alarms: C/hi, D/hi, E/hi, F/hi, G/hi$")));
    QCOMPARE(s.engine.restore(s.saved), 2);
    compare(s.engine.snapshot(s.id("A/hi")), before[0]);
    compare(s.engine.snapshot(s.id("B/hi")), before[1]);
}

QTEST_GUILESS_MAIN(TstAlarmRestore)
#include "tst_alarmrestore.moc"
