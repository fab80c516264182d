#pragma once

#include "alarms/alarmtone.h"

#include <QAudioDevice>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QUrl>

#include <array>

class QMediaDevices;
class QSoundEffect;

namespace vigil
{

class Annunciator;

// Plays the annunciator's tones (resources/tones, one QSoundEffect per priority) on the default
// audio output, and tells the operator when it cannot: no output device (none plugged, no sound
// server), an output that does not play (its server died), or a tone that does not load. Follows
// outputs appearing and disappearing on the sound server. A play asked for while nothing can sound
// is counted, never an error: the alarm stays on screen.
class AlarmSound : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AlarmSound is created by the application")
    Q_PROPERTY(bool audioAvailable READ audioAvailable NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(bool sounding READ sounding NOTIFY changed)
    Q_PROPERTY(bool silenced READ silenced NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
public:
    // The annunciator must outlive this object.
    explicit AlarmSound(Annunciator &annunciator, QObject *parent = nullptr);
    ~AlarmSound() override;

    bool audioAvailable() const { return !m_output.isNull(); }
    // Why alarms cannot be heard, translated; empty when they can.
    QString problem() const;
    // The annunciator wants a tone (whether or not an output can play it).
    bool sounding() const;
    bool silenced() const;
    // What the sound is doing: which priority sounds, silenced, or nothing to sound.
    QString statusText() const;
    // Tones handed to the output, and those asked for while no output could play them.
    quint64 plays() const { return m_plays; }
    quint64 missedPlays() const { return m_missedPlays; }
    // A tone is coming out of the output now.
    bool playing() const;

    static QUrl toneUrl(AlarmTone tone);

    Q_INVOKABLE void silence();

signals:
    void changed();

private:
    void followOutputs();
    void createEffects();
    void deleteEffects();
    void play(AlarmTone tone);
    void stopAll();
    void setOutputRefuses(bool refuses);
    void checkEffect(AlarmTone tone);
    QSoundEffect *effect(AlarmTone tone) const;

    Annunciator &m_annunciator;
    QMediaDevices *m_devices = nullptr;
    QTimer m_outputCheck;
    QAudioDevice m_output;                     // null: no output
    std::array<QSoundEffect *, 4> m_effects{}; // low, medium, high, critical
    bool m_outputRefuses = false;              // the last play did not start
    QString m_toneProblem;
    quint64 m_plays = 0;
    quint64 m_missedPlays = 0;
};

} // namespace vigil
