#pragma once

#include "alarmdefinition.h"
#include "alarmengineoptions.h"

#include <QHash>
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace vigil
{

class TagDirectory;

// Every alarm the engine tracks, by id, and the index from a tag to the alarms that read it: the
// configured rules on the tag and the deviation rules that use it as their setpoint. Alarm ids are
// dense: the configured rules in directory order, then each such tag's bad-quality alarm, then
// one communication-loss alarm per device; command failures and unknown devices are added later.
class AlarmCatalog
{
public:
    AlarmCatalog(const TagDirectory &directory, const AlarmEngineOptions &options);

    quint32 size() const { return quint32(m_alarms.size()); }
    const AlarmDefinition &at(quint32 id) const { return m_alarms[id]; }
    std::optional<quint32> idOf(const QString &key) const;

    // The rules whose condition depends on the tag's value.
    std::span<const quint32> readersOf(quint32 tag) const;
    // The rules suppressed by design while the tag is in their suppressing state.
    std::span<const quint32> suppressedBy(quint32 tag) const;
    quint32 badQualityAlarmOf(quint32 tag) const { return m_badQuality[tag]; }
    const std::vector<quint32> &rateAlarms() const { return m_rateAlarms; }
    std::optional<quint32> commLossAlarmOf(const QString &device) const;
    std::optional<quint32> commandFailureAlarmOf(quint32 tag) const;

    quint32 addCommLoss(const QString &device);
    quint32 addCommandFailure(quint32 tag);

private:
    struct Index {
        std::vector<quint32> start; // per tag, into ids; size tags + 1
        std::vector<quint32> ids;
        std::span<const quint32> of(quint32 tag) const;
    };

    quint32 add(AlarmDefinition definition);
    void addRules(quint32 tag);
    void addBadQuality(quint32 tag);
    void resolveTags(AlarmDefinition &definition) const;
    static Index buildIndex(quint32 tags, const std::vector<std::pair<quint32, quint32>> &pairs);
    void buildIndexes();

    const TagDirectory &m_directory;
    AlarmEngineOptions m_options;
    std::vector<AlarmDefinition> m_alarms;
    QHash<QString, quint32> m_byKey;
    QHash<QString, quint32> m_commLoss;
    QHash<quint32, quint32> m_commandFailure;
    std::vector<quint32> m_badQuality; // per tag, kNoTag: none
    std::vector<quint32> m_rateAlarms;
    Index m_readers;
    Index m_suppressors;
};

} // namespace vigil
