#include "alarmsound.h"

#include "alarms/annunciator.h"
#include "uilog.h"

#include <QMediaDevices>
#include <QSoundEffect>

#include <algorithm>

namespace vigil
{

namespace
{

// Qt 6.4 keeps its list of PulseAudio outputs up to date but never emits
// QMediaDevices::audioOutputsChanged on Linux (fixed in later Qt): the default output is read
// again this often, so a speaker plugged in or pulled is noticed within seconds.
constexpr int kOutputCheckMs = 2000;

constexpr std::array<AlarmTone, 4> kTones = {AlarmTone::Low, AlarmTone::Medium, AlarmTone::High,
                                             AlarmTone::Critical};

std::size_t indexOf(AlarmTone tone)
{
    return std::size_t(tone) - 1;
}

} // namespace

AlarmSound::AlarmSound(Annunciator &annunciator, QObject *parent)
    : QObject(parent)
    , m_annunciator(annunciator)
    , m_devices(new QMediaDevices(this))
{
    connect(&annunciator, &Annunciator::playRequested, this, &AlarmSound::play);
    connect(&annunciator, &Annunciator::toneChanged, this, [this](AlarmTone tone) {
        if (tone == AlarmTone::None)
            stopAll();
        emit changed();
    });
    connect(&annunciator, &Annunciator::silencedChanged, this, &AlarmSound::changed);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &AlarmSound::followOutputs);
    m_outputCheck.setInterval(kOutputCheckMs);
    connect(&m_outputCheck, &QTimer::timeout, this, &AlarmSound::followOutputs);
    m_outputCheck.start();
    followOutputs();
    if (m_output.isNull())
        qCWarning(lcUi) << "no audio output: alarms are silent";
}

AlarmSound::~AlarmSound() = default;

QString AlarmSound::problem() const
{
    if (m_output.isNull())
        return tr("No audio output: alarms are silent");
    if (m_outputRefuses)
        return tr("Audio output not responding: alarms are silent");
    return m_toneProblem;
}

bool AlarmSound::sounding() const
{
    return m_annunciator.sounding();
}

bool AlarmSound::silenced() const
{
    return m_annunciator.silenced();
}

QString AlarmSound::statusText() const
{
    switch (m_annunciator.tone()) {
    case AlarmTone::Critical:
        return tr("Critical alarm sounding");
    case AlarmTone::High:
        return tr("High priority alarm sounding");
    case AlarmTone::Medium:
        return tr("Medium priority alarm sounding");
    case AlarmTone::Low:
        return tr("Low priority alarm sounding");
    case AlarmTone::None:
        break;
    }
    return m_annunciator.silenced() ? tr("Silenced until the next alarm") : tr("No alarm sounding");
}

bool AlarmSound::playing() const
{
    return std::any_of(m_effects.begin(), m_effects.end(),
                       [](const QSoundEffect *sound) { return sound && sound->isPlaying(); });
}

QUrl AlarmSound::toneUrl(AlarmTone tone)
{
    return QUrl(QStringLiteral("qrc:/vigil/tones/%1.wav").arg(alarmToneName(tone)));
}

void AlarmSound::silence()
{
    m_annunciator.silence();
}

// The default output, followed as devices come and go on the sound server (a USB speaker pulled,
// another plugged in): the effects are made for one device, so they are made again for the next.
void AlarmSound::followOutputs()
{
    const QAudioDevice output = QMediaDevices::defaultAudioOutput();
    if (output == m_output)
        return;
    const bool hadOutput = !m_output.isNull();
    m_output = output;
    m_outputRefuses = false;
    deleteEffects();
    if (!m_output.isNull()) {
        qCInfo(lcUi) << "alarm sound on" << m_output.description();
        createEffects();
    } else if (hadOutput) {
        qCWarning(lcUi) << "audio output gone: alarms are silent";
    }
    emit changed();
}

void AlarmSound::createEffects()
{
    m_toneProblem.clear();
    for (AlarmTone tone : kTones) {
        auto *sound = new QSoundEffect(m_output, this);
        connect(sound, &QSoundEffect::statusChanged, this, [this, tone] { checkEffect(tone); });
        sound->setSource(toneUrl(tone));
        m_effects[indexOf(tone)] = sound;
    }
}

void AlarmSound::deleteEffects()
{
    for (QSoundEffect *&sound : m_effects) {
        delete sound;
        sound = nullptr;
    }
}

void AlarmSound::play(AlarmTone tone)
{
    QSoundEffect *sound = effect(tone);
    if (!sound || sound->status() == QSoundEffect::Error) {
        ++m_missedPlays;
        return;
    }
    // One tone at a time: a more urgent one cuts the one playing.
    stopAll();
    sound->play();
    // A loaded tone starts at once; one that does not means the output is there on paper only
    // (Qt 6.4 keeps listing the outputs of a sound server that has died).
    const bool refused = sound->status() == QSoundEffect::Ready && !sound->isPlaying();
    if (refused)
        ++m_missedPlays;
    else
        ++m_plays;
    setOutputRefuses(refused);
}

void AlarmSound::setOutputRefuses(bool refuses)
{
    if (refuses == m_outputRefuses)
        return;
    m_outputRefuses = refuses;
    if (refuses)
        qCWarning(lcUi) << "audio output" << m_output.description()
                        << "does not play: alarms are silent";
    else
        qCInfo(lcUi) << "audio output" << m_output.description() << "plays again";
    emit changed();
}

void AlarmSound::stopAll()
{
    for (QSoundEffect *sound : m_effects) {
        if (sound)
            sound->stop();
    }
}

void AlarmSound::checkEffect(AlarmTone tone)
{
    QSoundEffect *sound = effect(tone);
    if (!sound || sound->status() != QSoundEffect::Error)
        return;
    qCWarning(lcUi) << "alarm tone" << sound->source().toString() << "cannot be played";
    m_toneProblem = tr("Alarm tone %1 cannot be played").arg(sound->source().fileName());
    emit changed();
}

QSoundEffect *AlarmSound::effect(AlarmTone tone) const
{
    if (tone == AlarmTone::None)
        return nullptr;
    return m_effects[indexOf(tone)];
}

} // namespace vigil
