package store

import "slices"

// Model returns a copy of the model record name, or nil.
func (m *Memory) Model(name string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.models[name]), nil
}

// PutModel stores a copy of data as the model record name.
func (m *Memory) PutModel(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.models == nil {
		m.models = make(map[string][]byte)
	}
	m.models[name] = slices.Clone(data)
	return nil
}
