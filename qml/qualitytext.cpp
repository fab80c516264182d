#include "qualitytext.h"

#include <QCoreApplication>

namespace vigil
{

namespace
{

constexpr const char *kContext = "vigil::QualityText";

QString translated(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

} // namespace

QString QualityText::name(Quality q)
{
    switch (q) {
    case Quality::Good:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Good"));
    case Quality::Uncertain:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Uncertain"));
    case Quality::Stale:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Uncertain: stale"));
    case Quality::Bad:
        break;
    case Quality::NotConnected:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Bad: not connected"));
    case Quality::CommError:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Bad: communication error"));
    case Quality::ConfigError:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Bad: configuration error"));
    case Quality::OutOfService:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Bad: out of service"));
    case Quality::WaitingForInitialData:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Bad: no value yet"));
    case Quality::NonFinite:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Bad: not a number"));
    }
    return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "Bad"));
}

QString QualityText::mark(Quality q)
{
    switch (q) {
    case Quality::Good:
        return QString();
    case Quality::Uncertain:
    case Quality::Stale:
        return QStringLiteral("?");
    case Quality::NotConnected:
    case Quality::CommError:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "COMM"));
    case Quality::OutOfService:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "OOS"));
    case Quality::WaitingForInitialData:
        return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "WAIT"));
    case Quality::Bad:
    case Quality::ConfigError:
    case Quality::NonFinite:
        break;
    }
    return translated(QT_TRANSLATE_NOOP("vigil::QualityText", "BAD"));
}

} // namespace vigil
