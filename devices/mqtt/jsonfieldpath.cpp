#include "jsonfieldpath.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vigil
{

std::optional<JsonFieldPath> JsonFieldPath::parse(QStringView text, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<JsonFieldPath> {
        if (error)
            *error = QStringLiteral("invalid field path '%1': %2").arg(text, why);
        return std::nullopt;
    };
    JsonFieldPath path;
    path.m_text = text.toString();
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool expectKey = true; // at the start or after a '.'
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'[') {
            const qsizetype close = text.indexOf(u']', i);
            if (close < 0)
                return fail(QStringLiteral("'[' without ']'"));
            const QStringView inside = text.mid(i + 1, close - i - 1);
            Step step;
            if (inside.size() >= 2 && inside.startsWith(u'"') && inside.endsWith(u'"')) {
                step.key = inside.mid(1, inside.size() - 2).toString();
            } else {
                bool ok = false;
                const qlonglong index = inside.toLongLong(&ok);
                if (!ok || index < 0 || inside.startsWith(u'+'))
                    return fail(QStringLiteral("'[%1]' is not an array index (0, 1, ...) or a "
                                               "quoted key")
                                    .arg(inside));
                step.index = qsizetype(index);
            }
            path.m_steps.push_back(std::move(step));
            i = close + 1;
            expectKey = false;
            continue;
        }
        if (c == u'.') {
            if (expectKey)
                return fail(QStringLiteral("empty key before '.'"));
            expectKey = true;
            ++i;
            continue;
        }
        if (c == u']')
            return fail(QStringLiteral("']' without '['"));
        if (!expectKey)
            return fail(QStringLiteral("'.' expected after ']'"));
        qsizetype end = i;
        while (end < n && text.at(end) != u'.' && text.at(end) != u'[' && text.at(end) != u']')
            ++end;
        path.m_steps.push_back(Step{text.mid(i, end - i).toString(), -1});
        i = end;
        expectKey = false;
    }
    if (expectKey && n > 0)
        return fail(QStringLiteral("ends with '.'"));
    return path;
}

std::optional<QJsonValue> JsonFieldPath::find(const QJsonValue &document, QString *error) const
{
    // Hot path: the message text is only built when a step fails.
    QJsonValue current = document;
    const Step *previous = nullptr;
    auto where = [&] {
        if (!previous)
            return QStringLiteral("the document");
        if (previous->index >= 0)
            return QStringLiteral("element [%1]").arg(previous->index);
        return QStringLiteral("field '%1'").arg(previous->key);
    };
    for (const Step &step : m_steps) {
        if (step.index >= 0) {
            if (!current.isArray()) {
                if (error)
                    *error = QStringLiteral("%1 is not an array").arg(where());
                return std::nullopt;
            }
            const QJsonArray array = current.toArray();
            if (step.index >= array.size()) {
                if (error)
                    *error = QStringLiteral("%1 has no element [%2] (size %3)")
                                 .arg(where())
                                 .arg(step.index)
                                 .arg(array.size());
                return std::nullopt;
            }
            current = array.at(step.index);
        } else {
            if (!current.isObject()) {
                if (error)
                    *error = QStringLiteral("%1 is not an object").arg(where());
                return std::nullopt;
            }
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(step.key);
            if (it == object.constEnd()) {
                if (error)
                    *error = QStringLiteral("no field '%1' in %2").arg(step.key, where());
                return std::nullopt;
            }
            current = it.value();
        }
        previous = &step;
    }
    return current;
}

} // namespace vigil
