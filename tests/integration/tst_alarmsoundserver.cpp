// The alarm sound through a real sound server (PulseAudio with a null sink, started by the test):
// the tone reaches the server as a stream and stops on silence; AlarmSound follows the output
// being removed (alarms shown as silent, plays counted as missed) and added back, and notices
// the server dying under it.

#include "alarms/annunciator.h"
#include "alarmsound.h"
#include "soundserver.h"
#include "util/manualclock.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace
{

AlarmTransitionBatch raised(quint32 id, AlarmPriority priority)
{
    AlarmTransition t;
    t.alarmId = id;
    t.kind = AlarmTransitionKind::Raised;
    t.priority = priority;
    t.flags.active = true;
    t.flags.acknowledged = false;
    return {t};
}

} // namespace

class TstAlarmSoundServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void playsOnTheOutputUntilSilenced();
    void followsTheOutputGoingAndComingBack();
    void reportsADeadSoundServer(); // last: it ends the server

private:
    // The sound server's streams (one per tone being played, or held open by the player).
    QString streams() const
    {
        return m_server->pactl(
            {QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sink-inputs")});
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SoundServer> m_server;
};

void TstAlarmSoundServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SoundServer>(m_dir.path());
    QString error;
    QVERIFY2(m_server->start(QStringLiteral("vigil_panel"), &error), qPrintable(error));
    // Before anything in this process talks to a sound server: Qt connects once.
    qputenv("PULSE_SERVER", m_server->serverAddress().toLocal8Bit());
}

void TstAlarmSoundServer::cleanupTestCase()
{
    m_server.reset();
}

void TstAlarmSoundServer::playsOnTheOutputUntilSilenced()
{
    ManualClock clock;
    Annunciator annunciator(clock);
    AlarmSound sound(annunciator);
    QVERIFY(sound.audioAvailable());
    QCOMPARE(sound.problem(), QString());
    QVERIFY(!sound.playing());

    annunciator.apply(raised(1, AlarmPriority::Critical));
    QCOMPARE(sound.plays(), quint64(1));
    QCOMPARE(sound.missedPlays(), quint64(0));
    QTRY_VERIFY(sound.playing());
    QTRY_VERIFY2(!streams().trimmed().isEmpty(), qPrintable(streams()));
    QVERIFY2(!streams().startsWith(u"pactl failed"), qPrintable(streams()));
    QCOMPARE(sound.problem(), QString()); // every tone loaded

    sound.silence();
    QVERIFY(sound.silenced());
    QTRY_VERIFY(!sound.playing());
}

void TstAlarmSoundServer::followsTheOutputGoingAndComingBack()
{
    ManualClock clock;
    Annunciator annunciator(clock);
    AlarmSound sound(annunciator);
    QSignalSpy changed(&sound, &AlarmSound::changed);
    QVERIFY(sound.audioAvailable());

    // The speaker pulled.
    const QString unloaded =
        m_server->pactl({QStringLiteral("unload-module"), QStringLiteral("module-null-sink")});
    QVERIFY2(!unloaded.startsWith(u"pactl failed"), qPrintable(unloaded));
    QTRY_VERIFY_WITH_TIMEOUT(!sound.audioAvailable(), 10000);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(sound.problem(), QStringLiteral("No audio output: alarms are silent"));
    annunciator.apply(raised(1, AlarmPriority::High));
    QCOMPARE(sound.missedPlays(), quint64(1));
    QCOMPARE(sound.plays(), quint64(0));

    // Another one plugged in: the next repeat is heard on it.
    const QString loaded =
        m_server->pactl({QStringLiteral("load-module"), QStringLiteral("module-null-sink"),
                         QStringLiteral("sink_name=vigil_spare")});
    QVERIFY2(!loaded.startsWith(u"pactl failed"), qPrintable(loaded));
    QTRY_VERIFY_WITH_TIMEOUT(sound.audioAvailable(), 10000);
    QCOMPARE(sound.problem(), QString());
    clock.advance(Annunciator::repeatIntervalMs(AlarmTone::High));
    annunciator.tick();
    QCOMPARE(sound.plays(), quint64(1));
    QTRY_VERIFY(sound.playing());
}

void TstAlarmSoundServer::reportsADeadSoundServer()
{
    ManualClock clock;
    Annunciator annunciator(clock);
    AlarmSound sound(annunciator);
    annunciator.apply(raised(1, AlarmPriority::Critical));
    QCOMPARE(sound.plays(), quint64(1));
    QTRY_VERIFY(!sound.playing()); // the tone is over

    m_server->stop();
    clock.advance(Annunciator::repeatIntervalMs(AlarmTone::Critical));
    QTest::ignoreMessage(QtWarningMsg,
                         "audio output \"Null Output\" does not play: alarms are silent");
    annunciator.tick();
    QCOMPARE(sound.plays(), quint64(1));
    QCOMPARE(sound.missedPlays(), quint64(1));
    QCOMPARE(sound.problem(), QStringLiteral("Audio output not responding: alarms are silent"));
    QVERIFY(sound.sounding()); // still due: shown on the Silence button
}

QTEST_MAIN(TstAlarmSoundServer)
#include "tst_alarmsoundserver.moc"
