#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace vigil
{

// A path to one value inside a JSON document: object keys separated by dots, array indices in
// brackets ("data.temp", "values[2]", "units[0].flow", "" for the document itself).
// Keys containing '.', '[' or ']' are written as ["key.with.dots"].
class JsonFieldPath
{
public:
    static std::optional<JsonFieldPath> parse(QStringView text, QString *error = nullptr);

    bool isRoot() const { return m_steps.empty(); }
    const QString &text() const { return m_text; }

    // The value at the path, or nullopt with why not ("no field 'temp' in 'data'").
    std::optional<QJsonValue> find(const QJsonValue &document, QString *error = nullptr) const;

private:
    struct Step {
        QString key; // used when index < 0
        qsizetype index = -1;
    };
    std::vector<Step> m_steps;
    QString m_text;
};

} // namespace vigil
