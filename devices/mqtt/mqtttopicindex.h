#pragma once

#include <QtGlobal>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil
{

// Finds the entries whose topic filter matches a received topic name: exact filters in a hash
// (one lookup), filters with '+' or '#' in a tree of levels. Filters must be valid (MqttTopic).
class MqttTopicIndex
{
public:
    void add(std::string_view filter, quint32 value);
    void clear();
    bool isEmpty() const { return m_exact.empty() && m_nodes.size() <= 1; }

    // Appends the values of every matching filter to out (duplicates possible when a value was
    // added under several matching filters).
    void match(std::string_view topic, std::vector<quint32> &out) const;

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    struct Node {
        std::unordered_map<std::string, int, Hash, std::equal_to<>> children;
        int plus = -1;
        std::vector<quint32> values;     // filters ending at this node
        std::vector<quint32> hashValues; // filters ending with '#' below this node
    };
    int child(int node, std::string_view level);
    void matchFrom(int node, std::string_view rest, bool atRoot, std::vector<quint32> &out) const;

    std::unordered_map<std::string, std::vector<quint32>, Hash, std::equal_to<>> m_exact;
    std::vector<Node> m_nodes{Node{}};
};

} // namespace vigil
