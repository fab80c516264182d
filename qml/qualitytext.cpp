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
    // Which mark a quality gets is core's rule (qualityMark); only its words are translated here.
    // The list tells lupdate which words those are.
    static constexpr const char *kWords[] = {
        QT_TRANSLATE_NOOP("vigil::QualityText", "COMM"),
        QT_TRANSLATE_NOOP("vigil::QualityText", "OOS"),
        QT_TRANSLATE_NOOP("vigil::QualityText", "WAIT"),
        QT_TRANSLATE_NOOP("vigil::QualityText", "BAD"),
    };
    Q_UNUSED(kWords);
    const QString mark = qualityMark(q);
    if (mark.isEmpty() || mark == u"?")
        return mark; // a symbol, the same in every language
    return translated(mark.toLatin1().constData());
}

} // namespace vigil
