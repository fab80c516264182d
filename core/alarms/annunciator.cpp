#include "annunciator.h"

#include "util/clock.h"
#include "util/logging.h"

#include <QTimer>

namespace vigil
{

namespace
{

// Often enough that a repeat is late by a tenth of a second at most.
constexpr int kTickMs = 100;

} // namespace

Annunciator::Annunciator(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

Annunciator::~Annunciator() = default;

void Annunciator::start()
{
    if (m_timer)
        return;
    m_timer = new QTimer(this);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &Annunciator::tick);
    m_timer->start();
}

int Annunciator::count(AlarmPriority priority) const
{
    return m_counts[std::size_t(priority)];
}

qint64 Annunciator::repeatIntervalMs(AlarmTone tone)
{
    // Each interval leaves a clear pause after its tone (resources/tones: at most 0.9 s), and
    // the more urgent the priority, the less time passes between two plays.
    switch (tone) {
    case AlarmTone::None:
        return 0;
    case AlarmTone::Low:
        return 15'000;
    case AlarmTone::Medium:
        return 8'000;
    case AlarmTone::High:
        return 4'000;
    case AlarmTone::Critical:
        return 2'000;
    }
    return 0;
}

void Annunciator::seed(const QList<AlarmSnapshot> &listed)
{
    m_members.clear();
    m_counts = {};
    for (const AlarmSnapshot &alarm : listed)
        place(alarm.id, alarm.priority, annunciates(alarm.flags));
    setSilenced(false);
    update(!m_members.isEmpty());
}

void Annunciator::apply(const AlarmTransitionBatch &transitions)
{
    bool news = false;
    for (const AlarmTransition &t : transitions) {
        const bool member = annunciates(t.flags);
        const bool entered = place(t.alarmId, t.priority, member);
        // An active alarm coming back from shelving, suppression or out of service is news
        // too; one that returned to normal meanwhile sounds but does not lift a silence.
        news = news || (member && (isNews(t.kind) || (entered && t.flags.active)));
    }
    if (news || m_members.isEmpty())
        setSilenced(false);
    update(news);
}

bool Annunciator::silence()
{
    if (!sounding())
        return false;
    qCInfo(lcAlarms).nospace().noquote()
        << "alarm sound silenced (" << alarmToneName(m_tone) << "), " << m_members.size()
        << " alarm(s) still unacknowledged";
    setSilenced(true);
    update(false);
    return true;
}

void Annunciator::tick()
{
    if (sounding() && m_clock.monotonicMs() >= m_nextPlayMs)
        play();
}

// Unacknowledged and offered to the operator: what the horn is for.
bool Annunciator::annunciates(const AlarmFlags &flags)
{
    return flags.actionable() && !flags.acknowledged;
}

bool Annunciator::isNews(AlarmTransitionKind kind)
{
    return kind == AlarmTransitionKind::Raised || kind == AlarmTransitionKind::Realarmed;
}

// Puts the alarm in or out of the set; true when it was not in it before and is now.
bool Annunciator::place(quint32 id, AlarmPriority priority, bool member)
{
    const auto it = m_members.constFind(id);
    const bool wasMember = it != m_members.cend();
    if (wasMember) {
        --m_counts[std::size_t(it.value())];
        m_members.erase(it);
    }
    if (member) {
        m_members.insert(id, priority);
        ++m_counts[std::size_t(priority)];
    }
    return member && !wasMember;
}

AlarmTone Annunciator::highestPresent() const
{
    for (AlarmPriority p : {AlarmPriority::Critical, AlarmPriority::High, AlarmPriority::Medium,
                            AlarmPriority::Low}) {
        if (count(p) > 0)
            return alarmToneOf(p);
    }
    return AlarmTone::None;
}

void Annunciator::setSilenced(bool silenced)
{
    if (silenced == m_silenced)
        return;
    m_silenced = silenced;
    emit silencedChanged(m_silenced);
}

// Settles the tone; a new tone, or news while sounding, plays at once.
void Annunciator::update(bool news)
{
    const AlarmTone wanted = m_silenced ? AlarmTone::None : highestPresent();
    const bool changed = wanted != m_tone;
    m_tone = wanted;
    if (changed)
        emit toneChanged(m_tone);
    if (sounding() && (changed || news))
        play();
}

void Annunciator::play()
{
    m_nextPlayMs = m_clock.monotonicMs() + repeatIntervalMs(m_tone);
    emit playRequested(m_tone);
}

} // namespace vigil
