// The alarm sound on a machine that cannot play it (the tests run without a sound server, see
// tests/CMakeLists.txt): AlarmSound says so, counts the plays it could not make, never crashes,
// and silence still works; the Silence button shows all of it. The shipped tones are checked as
// files and as QSoundEffect sources.

#include "alarms/annunciator.h"
#include "alarmsound.h"
#include "installedtranslation.h"
#include "qmltesting.h"
#include "util/manualclock.h"

#include <QFile>
#include <QMediaDevices>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QSoundEffect>
#include <QtEndian>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;
using vigil::testing::createWindow;
using vigil::testing::findItem;

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

QString textOf(QQuickItem *item)
{
    return item ? item->property("text").toString() : QStringLiteral("<no item>");
}

// A 16-bit PCM mono WAV's header fields (the 44-byte canonical header make-tones.py writes).
struct WavHeader {
    bool valid = false;
    quint16 format = 0;
    quint16 channels = 0;
    quint32 rate = 0;
    quint16 bits = 0;
    quint32 dataBytes = 0;
};

WavHeader readWav(const QByteArray &bytes)
{
    WavHeader h;
    if (bytes.size() < 44 || !bytes.startsWith("RIFF") || bytes.mid(8, 8) != "WAVEfmt " ||
        bytes.mid(36, 4) != "data")
        return h;
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    h.format = qFromLittleEndian<quint16>(p + 20);
    h.channels = qFromLittleEndian<quint16>(p + 22);
    h.rate = qFromLittleEndian<quint32>(p + 24);
    h.bits = qFromLittleEndian<quint16>(p + 34);
    h.dataBytes = qFromLittleEndian<quint32>(p + 40);
    h.valid = qsizetype(h.dataBytes) == bytes.size() - 44;
    return h;
}

} // namespace

class TstAlarmSound : public QObject
{
    Q_OBJECT
private slots:
    void reportsNoAudioOutput();
    void playsAndSilencesWithoutOutput();
    void problemIsTranslated();
    void tonesAreShipped_data();
    void tonesAreShipped();
    void tonesDiffer();
    void silenceButtonShowsTheProblemAndSilences();
};

void TstAlarmSound::reportsNoAudioOutput()
{
    QVERIFY2(QMediaDevices::audioOutputs().isEmpty(),
             "this test expects no sound server (PULSE_SERVER points nowhere)");
    ManualClock clock;
    Annunciator annunciator(clock);
    QTest::ignoreMessage(QtWarningMsg, "no audio output: alarms are silent");
    AlarmSound sound(annunciator);
    QVERIFY(!sound.audioAvailable());
    QCOMPARE(sound.problem(), QStringLiteral("No audio output: alarms are silent"));
    QVERIFY(!sound.sounding());
    QVERIFY(!sound.silenced());
    QCOMPARE(sound.statusText(), QStringLiteral("No alarm sounding"));
    QCOMPARE(sound.property("audioAvailable").toBool(), false);
    QCOMPARE(sound.property("problem").toString(), sound.problem());
}

void TstAlarmSound::playsAndSilencesWithoutOutput()
{
    ManualClock clock;
    Annunciator annunciator(clock);
    AlarmSound sound(annunciator);
    QSignalSpy changed(&sound, &AlarmSound::changed);

    annunciator.apply(raised(1, AlarmPriority::Critical));
    QVERIFY(sound.sounding());
    QCOMPARE(sound.statusText(), QStringLiteral("Critical alarm sounding"));
    QCOMPARE(sound.missedPlays(), quint64(1));
    QCOMPARE(sound.plays(), quint64(0));
    QVERIFY(changed.count() >= 1);

    clock.advance(Annunciator::repeatIntervalMs(AlarmTone::Critical));
    annunciator.tick();
    QCOMPARE(sound.missedPlays(), quint64(2));

    changed.clear();
    QMetaObject::invokeMethod(&sound, "silence"); // as QML calls it
    QVERIFY(sound.silenced());
    QVERIFY(!sound.sounding());
    QVERIFY(changed.count() >= 1);
    QCOMPARE(sound.statusText(), QStringLiteral("Silenced until the next alarm"));
    clock.advance(60'000);
    annunciator.tick();
    QCOMPARE(sound.missedPlays(), quint64(2));

    annunciator.apply(raised(2, AlarmPriority::Low));
    QVERIFY(!sound.silenced());
    QCOMPARE(sound.statusText(), QStringLiteral("Critical alarm sounding"));
    QCOMPARE(sound.missedPlays(), quint64(3));
    QCOMPARE(sound.problem(), QStringLiteral("No audio output: alarms are silent"));
}

void TstAlarmSound::problemIsTranslated()
{
    const InstalledTranslation zh(QStringLiteral(VIGIL_ZH_CN_QM));
    QVERIFY2(zh.ok(), qPrintable(zh.error()));
    ManualClock clock;
    Annunciator annunciator(clock);
    AlarmSound sound(annunciator);
    QCOMPARE(sound.problem(), QStringLiteral("无音频输出：报警无声音"));
    QCOMPARE(sound.statusText(), QStringLiteral("无报警鸣响"));
    annunciator.apply(raised(1, AlarmPriority::High));
    QCOMPARE(sound.statusText(), QStringLiteral("高优先级报警鸣响"));
}

void TstAlarmSound::tonesAreShipped_data()
{
    QTest::addColumn<AlarmTone>("tone");
    QTest::newRow("low") << AlarmTone::Low;
    QTest::newRow("medium") << AlarmTone::Medium;
    QTest::newRow("high") << AlarmTone::High;
    QTest::newRow("critical") << AlarmTone::Critical;
}

void TstAlarmSound::tonesAreShipped()
{
    QFETCH(AlarmTone, tone);
    const QUrl url = AlarmSound::toneUrl(tone);
    QFile file(QLatin1Char(':') + url.path());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(url.toString()));
    const WavHeader wav = readWav(file.readAll());
    QVERIFY2(wav.valid, qPrintable(url.toString()));
    QCOMPARE(wav.format, quint16(1)); // PCM
    QCOMPARE(wav.bits, quint16(16));
    QCOMPARE(wav.channels, quint16(1));
    // Short, and over before its next repeat.
    const qint64 durationMs = qint64(wav.dataBytes) * 1000 / (2 * wav.rate);
    QVERIFY2(durationMs >= 200 && durationMs < 1000, qPrintable(QString::number(durationMs)));
    QVERIFY(durationMs < Annunciator::repeatIntervalMs(tone) / 2);

    // QSoundEffect decodes it (no device needed for that).
    QSoundEffect effect;
    if (QMediaDevices::audioOutputs().isEmpty())
        QTest::ignoreMessage(QtWarningMsg, "No audio device detected");
    effect.setSource(url);
    QTRY_VERIFY_WITH_TIMEOUT(
        effect.status() == QSoundEffect::Ready || effect.status() == QSoundEffect::Error, 5000);
    QCOMPARE(effect.status(), QSoundEffect::Ready);
}

void TstAlarmSound::tonesDiffer()
{
    QSet<QByteArray> seen;
    for (AlarmTone tone :
         {AlarmTone::Low, AlarmTone::Medium, AlarmTone::High, AlarmTone::Critical}) {
        QFile file(QLatin1Char(':') + AlarmSound::toneUrl(tone).path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        seen.insert(file.readAll());
    }
    QCOMPARE(seen.size(), qsizetype(4));
}

void TstAlarmSound::silenceButtonShowsTheProblemAndSilences()
{
    ManualClock clock;
    Annunciator annunciator(clock);
    AlarmSound sound(annunciator);
    QQmlEngine engine;
    QString error;
    const std::unique_ptr<QQuickWindow> owner(
        createWindow(engine, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property AlarmSound sound
            width: 400; height: 100; visible: true
            SilenceButton { objectName: "button"; x: 20; y: 20; sound: w.sound }
        })"),
                     {{QStringLiteral("sound"), QVariant::fromValue(&sound)}}, &error));
    QVERIFY2(owner, qPrintable(error));
    QQuickWindow *window = owner.get();
    QQuickItem *button = findItem(window->contentItem(), QStringLiteral("button"));
    QVERIFY(button);
    QQuickItem *status = findItem(button, QStringLiteral("silenceStatus"));
    QCOMPARE(textOf(findItem(button, QStringLiteral("silenceLabel"))), QStringLiteral("Silence"));
    QCOMPARE(textOf(status), QStringLiteral("▲ No audio output: alarms are silent"));
    QVERIFY(!button->isEnabled());
    QVERIFY(button->height() >= 48);
    QVERIFY(button->width() >= 48);

    annunciator.apply(raised(1, AlarmPriority::High));
    QVERIFY(button->isEnabled());
    const QPoint centre =
        button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint();
    QTest::mouseClick(window, Qt::LeftButton, {}, centre);
    QTRY_VERIFY(annunciator.silenced());
    QVERIFY(!button->isEnabled());
    QCOMPARE(annunciator.total(), 1); // silenced, not acknowledged

    // A tap while nothing sounds does nothing.
    QTest::mouseClick(window, Qt::LeftButton, {}, centre);
    QVERIFY(annunciator.silenced());
}

QTEST_MAIN(TstAlarmSound)
#include "tst_alarmsound.moc"
