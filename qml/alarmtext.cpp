#include "alarmtext.h"

#include <QCoreApplication>
#include <QDateTime>

namespace vigil
{

namespace
{

constexpr const char *kContext = "vigil::AlarmText";

QString translated(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

} // namespace

QString AlarmText::priority(AlarmPriority p)
{
    switch (p) {
    case AlarmPriority::Critical:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Critical"));
    case AlarmPriority::High:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "High"));
    case AlarmPriority::Medium:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Medium"));
    case AlarmPriority::Low:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Low"));
    }
    return QString();
}

QString AlarmText::shape(AlarmPriority p)
{
    switch (p) {
    case AlarmPriority::Critical:
        return QStringLiteral("square");
    case AlarmPriority::High:
        return QStringLiteral("triangle");
    case AlarmPriority::Medium:
        return QStringLiteral("diamond");
    case AlarmPriority::Low:
        return QStringLiteral("circle");
    }
    return QString();
}

QString AlarmText::state(const AlarmFlags &f)
{
    if (f.active) {
        return f.acknowledged ? translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Ack active"))
                              : translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Unack active"));
    }
    return f.acknowledged ? translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Normal"))
                          : translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Unack RTN"));
}

QString AlarmText::conditions(const AlarmFlags &f)
{
    QStringList parts;
    if (f.shelved) {
        parts.append(f.oneShotShelve
                         ? translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Shelved (one-shot)"))
                         : translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Shelved")));
    }
    if (f.suppressed)
        parts.append(translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Suppressed by design")));
    if (f.outOfService)
        parts.append(translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Out of service")));
    if (f.latched)
        parts.append(translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Latched: reset needed")));
    return parts.join(QStringLiteral(" · "));
}

QString AlarmText::message(const AlarmSnapshot &a)
{
    switch (a.source) {
    case AlarmSource::Rule:
        if (!a.message.isEmpty())
            return a.message;
        //: %1 is the tag, %2 the kind of alarm ("Hi", "Deviation", ...)
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "%1 %2 alarm"))
            .arg(a.tagId, kind(a));
    case AlarmSource::BadQuality:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText",
                                            "Bad quality on %1: its alarms cannot be evaluated"))
            .arg(a.tagId);
    case AlarmSource::CommLoss:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Communication lost with %1"))
            .arg(a.device);
    case AlarmSource::CommandFailure:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Command failed on %1"))
            .arg(a.tagId);
    }
    return a.message;
}

QString AlarmText::kind(const AlarmSnapshot &a)
{
    switch (a.source) {
    case AlarmSource::BadQuality:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Bad quality"));
    case AlarmSource::CommLoss:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Communication loss"));
    case AlarmSource::CommandFailure:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Command failure"));
    case AlarmSource::Rule:
        break;
    }
    switch (a.type) {
    case AlarmType::HiHi:
        return QStringLiteral("HiHi");
    case AlarmType::Hi:
        return QStringLiteral("Hi");
    case AlarmType::Lo:
        return QStringLiteral("Lo");
    case AlarmType::LoLo:
        return QStringLiteral("LoLo");
    case AlarmType::Digital:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Digital"));
    case AlarmType::Deviation:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Deviation"));
    case AlarmType::RateOfChange:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "Rate of change"));
    }
    return QString();
}

QString AlarmText::time(qint64 wallMs)
{
    if (wallMs <= 0)
        return QString();
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(wallMs);
    return t.date() == QDate::currentDate() ? t.toString(QStringLiteral("HH:mm:ss"))
                                            : t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString AlarmText::duration(qint64 ms)
{
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "%1 s")).arg(s);
    if (s < 3600) {
        if (s % 60 == 0)
            return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "%1 min")).arg(s / 60);
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "%1 min %2 s"))
            .arg(s / 60)
            .arg(s % 60);
    }
    if (s % 3600 < 60)
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "%1 h")).arg(s / 3600);
    return translated(QT_TRANSLATE_NOOP("vigil::AlarmText", "%1 h %2 min"))
        .arg(s / 3600)
        .arg(s % 3600 / 60);
}

} // namespace vigil
