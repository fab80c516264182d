// kill -9 right after an acknowledge was committed, five times: each time a new process restores
// the alarm as acknowledged, with the user, the comment and the time, and the database is sound.

#include "alarmtesting.h"
#include "journal/journal.h"
#include "journaltesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

class TstJournalCrash : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void acknowledgeSurvivesKill();
};

void TstJournalCrash::acknowledgeSurvivesKill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (int round = 0; round < 5; ++round) {
        const QString path = dir.filePath(QStringLiteral("journal-%1.db").arg(round));
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(JOURNAL_CRASH_WRITER), {path});
        QVERIFY2(writer.waitForStarted(5000), qPrintable(writer.errorString()));
        QByteArray line;
        while (!line.endsWith('\n')) {
            QVERIFY2(writer.waitForReadyRead(10000),
                     "journal_crash_writer never reported a commit");
            line += writer.readAll();
        }
        writer.kill(); // SIGKILL
        QVERIFY(writer.waitForFinished(5000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        QVERIFY2(line.startsWith("committed "), line.constData());
        const qint64 ackTime = line.mid(10).trimmed().toLongLong();
        QVERIFY(ackTime > 0);

        {
            JournalProbe probe(path);
            const QList<QVariantMap> check = probe.rows(QStringLiteral("PRAGMA integrity_check"));
            QCOMPARE(check.value(0).value(QStringLiteral("integrity_check")).toString(),
                     QStringLiteral("ok"));
        }
        ManualClock clock(ackTime + 1000);
        AlarmEngine engine(plant({tag(QStringLiteral("LEVEL"), {rule(AlarmType::Hi, 80.0)},
                                      QStringLiteral("plc1"))}),
                           clock);
        Journal journal(journalUrl(path));
        QCOMPARE(engine.restore(journal.start()), 1);
        const AlarmSnapshot s = engine.snapshot(*engine.idOf(QStringLiteral("LEVEL/hi")));
        QCOMPARE(flagCode(s.flags), QStringLiteral("AK----"));
        QCOMPARE(s.ackUser, QStringLiteral("alice"));
        QCOMPARE(s.ackComment, QStringLiteral("pump checked"));
        QCOMPARE(s.ackTimeMs, ackTime);
        QCOMPARE(s.value, 95.0);
        journal.stop();
        JournalProbe probe(path);
        const QList<QVariantMap> rows =
            probe.rows(QStringLiteral("SELECT kind, user_name, comment FROM alarm_journal "
                                      "ORDER BY id"));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[1].value(QStringLiteral("kind")).toString(), QStringLiteral("acknowledged"));
        QCOMPARE(rows[1].value(QStringLiteral("comment")).toString(),
                 QStringLiteral("pump checked"));
    }
}

QTEST_GUILESS_MAIN(TstJournalCrash)
#include "tst_journalcrash.moc"
