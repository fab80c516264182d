#include "mqtttopic.h"

#include <QList>

namespace vigil
{

namespace
{

QString checkCommon(QStringView topic)
{
    if (topic.isEmpty())
        return QStringLiteral("a topic must not be empty");
    if (topic.toUtf8().size() > 65535)
        return QStringLiteral("a topic must not be longer than 65535 bytes");
    if (topic.contains(QChar(0)))
        return QStringLiteral("a topic must not contain a NUL character");
    return QString();
}

} // namespace

QString MqttTopic::checkName(QStringView topic)
{
    if (QString error = checkCommon(topic); !error.isEmpty())
        return error;
    if (hasWildcards(topic))
        return QStringLiteral("'%1' contains a wildcard ('+' or '#'), which only subscriptions "
                              "may use")
            .arg(topic);
    return QString();
}

QString MqttTopic::checkFilter(QStringView filter)
{
    if (QString error = checkCommon(filter); !error.isEmpty())
        return error;
    const QList<QStringView> levels = filter.split(u'/');
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QStringView level = levels.at(i);
        if (level.contains(u'#') && (level != u"#" || i != levels.size() - 1))
            return QStringLiteral("in '%1', '#' must be a whole level and the last one (e.g. "
                                  "plant/#)")
                .arg(filter);
        if (level.contains(u'+') && level != u"+")
            return QStringLiteral("in '%1', '+' must be a whole level (e.g. plant/+/temp)")
                .arg(filter);
    }
    return QString();
}

bool MqttTopic::hasWildcards(QStringView filter)
{
    return filter.contains(u'+') || filter.contains(u'#');
}

bool MqttTopic::matches(QStringView filter, QStringView topic)
{
    if (topic.startsWith(u'$') && (filter.startsWith(u'+') || filter.startsWith(u'#')))
        return false;
    const QList<QStringView> f = filter.split(u'/');
    const QList<QStringView> t = topic.split(u'/');
    qsizetype i = 0;
    for (; i < f.size(); ++i) {
        if (f.at(i) == u"#")
            return true; // also matches the parent level ("a/#" matches "a")
        if (i >= t.size())
            return false;
        if (f.at(i) != u"+" && f.at(i) != t.at(i))
            return false;
    }
    return i == t.size();
}

bool MqttTopic::covers(QStringView outer, QStringView inner)
{
    if ((outer.startsWith(u'+') || outer.startsWith(u'#')) && inner.startsWith(u'$'))
        return false;
    const QList<QStringView> o = outer.split(u'/');
    const QList<QStringView> n = inner.split(u'/');
    for (qsizetype i = 0; i < o.size(); ++i) {
        if (o.at(i) == u"#")
            return true;
        if (i >= n.size())
            return false;
        if (n.at(i) == u"#")
            return false; // inner reaches deeper than a non-# outer level
        if (o.at(i) == u"+")
            continue;
        if (n.at(i) == u"+" || n.at(i) != o.at(i))
            return false;
    }
    return o.size() == n.size();
}

} // namespace vigil
